package dev.attrgateway.api;

import static dev.attrgateway.api.SelfServiceTest.attribute;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.LocalCognitoResource;
import dev.attrgateway.support.TestLog;
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

    static final TestLog LOG = TestLog.at("target/write-policy.log");

    /** The demo client, and one that lets users write attributes the gateway keeps read-only for them. */
    @ConfigProperty(name = "gateway.client-ids")
    List<String> clientIds;

    public static class ClientsChecked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String permissiveClient = LocalCognito.shared().createClient("permissive", "email_verified", "name",
                    "nickname");
            Map<String, String> overrides = new HashMap<>(LOG.emptiedFileSettings());
            overrides.put("gateway.client-ids", LocalCognito.shared().clientId() + "," + permissiveClient);
            overrides.put("gateway.self-service-read-only-attributes", "name");
            return overrides;
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
        while (LOG.linesContaining(permissive) + LOG.linesContaining(demo) < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, LOG.linesContaining(permissive), "warnings about the permissive client");
        assertEquals(1, LOG.linesContaining(demo), "warnings about the demo client");
    }
}
