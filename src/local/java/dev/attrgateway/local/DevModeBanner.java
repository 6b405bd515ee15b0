package dev.attrgateway.local;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells the developer in dev mode where GraphiQL is and how to call it as a demo user. The header lines
 * go to the console, not the log: they carry the local emulator's tokens, and logs never carry tokens.
 */
@IfBuildProfile("dev")
@ApplicationScoped
class DevModeBanner {

    void show(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.http.port") int port) {
        LocalCognito.running().ifPresent(cognito -> System.out.printf("""

                ── Cognito attributes gateway: dev mode ──────────────────────────────────────
                GraphiQL:   http://localhost:%1$d/q/graphql-ui/
                Emulator:   cognito-local at %2$s, user pool %3$s
                            (verification codes it "sends" are in %4$s)
                Demo users: alice (plain), admin (group admin); password %5$s
                Paste one of these into GraphiQL's Headers tab as {"Authorization": "Bearer ..."}:

                alice:  Authorization: Bearer %6$s

                admin:  Authorization: Bearer %7$s

                Try:  curl -s localhost:%1$d/graphql -H 'Content-Type: application/json' \\
                        -H 'Authorization: Bearer <alice's token>' -d '{"query":"{ me { username userAttributes { name value } } }"}'
                ──────────────────────────────────────────────────────────────────────────────
                """, port, cognito.endpoint(), cognito.userPoolId(), cognito.logFile(), LocalCognito.DEMO_PASSWORD,
                accessToken(cognito, "alice"), accessToken(cognito, "admin")));
    }

    private static String accessToken(LocalCognito cognito, String username) {
        return cognito.signIn(username, LocalCognito.DEMO_PASSWORD).accessToken();
    }
}
