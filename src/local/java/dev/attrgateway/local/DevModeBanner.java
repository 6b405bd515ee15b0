package dev.attrgateway.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells the developer in dev mode where GraphiQL is, how a front end signs in to the emulator, and how to call the
 * gateway as a demo user; writes the same to {@link #TOKENS_ENV} for shells and scripts ({@code source} it). The
 * tokens go to the console and that file, never to the log: logs never carry tokens.
 */
@IfBuildProfile("dev")
@ApplicationScoped
class DevModeBanner {

    static final Path TOKENS_ENV = Path.of("target", "dev", "tokens.env");

    void show(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.http.port") int port) {
        LocalCognito.running().ifPresent(cognito -> {
            String gateway = "http://localhost:" + port;
            String alice = accessToken(cognito, "alice");
            String admin = accessToken(cognito, "admin");
            writeTokensEnv(gateway, cognito, alice, admin);
            System.out.printf("""

                    ── Cognito attributes gateway: dev mode ──────────────────────────────────────
                    GraphiQL:   %1$s/q/graphql-ui/
                    Emulator:   cognito-local at %2$s, user pool %3$s
                                (verification codes it "sends" are in %4$s)
                    Sign-in:    app client %5$s, auth flow USER_PASSWORD_AUTH (no client secret)
                    Demo users: alice (plain), admin (group admin); password %6$s
                    Shell:      source %7$s   (GATEWAY_URL, ALICE_TOKEN, ADMIN_TOKEN, CLIENT_ID, CODES_LOG, ...)
                    A fresh token: curl -s %2$s -H 'Content-Type: application/x-amz-json-1.1' \\
                        -H 'X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth' \\
                        -d '{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"%5$s",
                             "AuthParameters":{"USERNAME":"alice","PASSWORD":"%6$s"}}' \\
                        | jq -r .AuthenticationResult.AccessToken
                    Paste one of these into GraphiQL's Headers tab as {"Authorization": "Bearer ..."}:

                    alice:  Authorization: Bearer %8$s

                    admin:  Authorization: Bearer %9$s

                    Try:  curl -s %1$s/graphql -H 'Content-Type: application/json' \\
                            -H "Authorization: Bearer $ALICE_TOKEN" -d '{"query":"{ me { id username email } }"}'
                    ──────────────────────────────────────────────────────────────────────────────
                    """, gateway, cognito.endpoint(), cognito.userPoolId(), cognito.logFile(), cognito.clientId(),
                    LocalCognito.DEMO_PASSWORD, TOKENS_ENV, alice, admin);
        });
    }

    private static void writeTokensEnv(String gateway, LocalCognito cognito, String alice, String admin) {
        String variables = """
                export GATEWAY_URL=%s
                export COGNITO_ENDPOINT=%s
                export USER_POOL_ID=%s
                export CLIENT_ID=%s
                export DEMO_PASSWORD='%s'
                export ALICE_TOKEN=%s
                export ADMIN_TOKEN=%s
                export CODES_LOG=%s
                """.formatted(gateway, cognito.endpoint(), cognito.userPoolId(), cognito.clientId(),
                LocalCognito.DEMO_PASSWORD, alice, admin, cognito.logFile());
        try {
            Files.createDirectories(TOKENS_ENV.getParent());
            Files.deleteIfExists(TOKENS_ENV);
            Files.createFile(TOKENS_ENV,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(TOKENS_ENV, variables);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + TOKENS_ENV, e);
        }
    }

    private static String accessToken(LocalCognito cognito, String username) {
        return cognito.signIn(username, LocalCognito.DEMO_PASSWORD).accessToken();
    }
}
