package dev.attrgateway.security;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.attrgateway.attributes.WritePolicy;
import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.error.GatewayException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * The gateway refuses users' writes of some attributes, but a user can call Cognito directly with the same
 * access token: the real control is each app client's WriteAttributes. At start-up, for every accepted
 * client ({@code gateway.client-ids}), one warning names the attributes that the client lets users write
 * and the gateway does not. Start-up does not wait for it, nor fail with it.
 */
@ApplicationScoped
class ClientWriteAttributesCheck {

    /** What a client without WriteAttributes lets users write (Cognito's UserPoolClientType reference). */
    static final Set<String> STANDARD_ATTRIBUTES = Set.of("address", "birthdate", "email", "family_name", "gender",
            "given_name", "locale", "middle_name", "name", "nickname", "phone_number", "picture", "preferred_username",
            "profile", "updated_at", "website", "zoneinfo");

    private final CognitoCalls cognito;
    private final GatewayConfig config;
    private final WritePolicy writePolicy;

    ClientWriteAttributesCheck(CognitoCalls cognito, GatewayConfig config, WritePolicy writePolicy) {
        this.cognito = cognito;
        this.config = config;
        this.writePolicy = writePolicy;
    }

    void checkAtStart(@Observes StartupEvent event) {
        config.clientIds().ifPresent(clientIds -> clientIds.forEach(clientId -> check(clientId).subscribe().with(
                writable -> {
                    if (!writable.isEmpty()) {
                        Log.warnf("App client %s lets users write %s, which the gateway lets only administrators"
                                + " change: users can still change them by calling Cognito with their access token."
                                + " Remove them from the client's WriteAttributes.", clientId, writable);
                    }
                },
                failure -> Log.warnf("Could not check the WriteAttributes of app client %s: %s", clientId,
                        GatewayException.from(failure).code()))));
    }

    /** The attributes the client lets users write that the gateway keeps read-only for them. */
    Uni<Set<String>> check(String clientId) {
        Set<String> readOnly = writePolicy.readOnlyForUsers();
        return cognito.describeUserPoolClient(config.userPoolId(), clientId).map(client -> {
            List<String> writable = client.writeAttributes().isEmpty() ? List.copyOf(STANDARD_ATTRIBUTES)
                    : client.writeAttributes();
            Set<String> both = new TreeSet<>(writable);
            both.retainAll(readOnly);
            return both;
        });
    }
}
