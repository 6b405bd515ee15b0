package dev.attrgateway.api;

import static dev.attrgateway.api.SelfServiceTest.attribute;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.LocalCognitoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The self-service write policy cannot be emptied by configuration, and the app clients that let users write
 * around it (a user can call Cognito directly with the same token) are named at start-up, once each.
 */
@QuarkusTest
@WithTestResource(LocalCognitoResource.class)
@TestProfile(WritePolicyTest.ClientsChecked.class)
class WritePolicyTest {

    static final Path LOG = Path.of("target/write-policy.log");

    /** The demo client, and one that lets users write attributes the gateway keeps read-only for them. */
    @ConfigProperty(name = "gateway.client-ids")
    List<String> clientIds;

    public static class ClientsChecked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(LOG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String permissiveClient = LocalCognito.shared().createClient("permissive", "email_verified", "name",
                    "nickname");
            return Map.of(
                    "gateway.client-ids", LocalCognito.shared().clientId() + "," + permissiveClient,
                    "gateway.self-service-read-only-attributes", "name",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString());
        }
    }

    @Test
    void addingReadOnlyAttributesKeepsTheVerifiedFlagsReadOnly() {
        String token = DemoUsers.accessToken(DemoUsers.newUser("policy"));

        for (String readOnly : List.of("email_verified", "phone_number_verified", "name")) {
            GraphQL.execute("updateMyAttributes", Map.of("input", Map.of("userAttributes",
                    List.of(attribute(readOnly, "true")))), token)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        GraphQL.execute("updateMyAttributes", Map.of("input", Map.of("userAttributes",
                List.of(attribute("nickname", "Al")))), token).body("errors", nullValue());
    }

    @Test
    void eachClientThatLetsUsersWriteAroundThePolicyIsNamedOnceAtStartUp() throws InterruptedException {
        String permissive = "App client " + clientIds.get(1) + " lets users write [email_verified, name]";
        // The demo client sets no WriteAttributes: Cognito then lets users write every standard attribute.
        String demo = "App client " + LocalCognito.shared().clientId() + " lets users write [name]";

        long deadline = System.currentTimeMillis() + 10_000;
        while (countLines(permissive) + countLines(demo) < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, countLines(permissive), "warnings about the permissive client");
        assertEquals(1, countLines(demo), "warnings about the demo client");
    }

    private static long countLines(String text) {
        try {
            return Files.exists(LOG) ? Files.readAllLines(LOG).stream().filter(line -> line.contains(text)).count() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
