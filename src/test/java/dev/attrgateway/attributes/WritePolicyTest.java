package dev.attrgateway.attributes;

import static dev.attrgateway.support.GraphQL.attribute;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.EmulatorGateway;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.TestLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The self-service write policy cannot be emptied by configuration, and the app clients that let users write
 * around it (a user can call Cognito directly with the same token) are named at start-up, once each.
 */
@QuarkusTest
@TestProfile(EmulatorGateway.class)
class WritePolicyTest {

    /** The demo client, and one that lets users write attributes the gateway keeps read-only for them. */
    @ConfigProperty(name = "gateway.client-ids")
    List<String> clientIds;

    @Test
    void addingReadOnlyAttributesKeepsTheVerifiedFlagsReadOnly() {
        String token = DemoUsers.accessToken(DemoUsers.newUser("policy"));

        for (String readOnly : List.of("email_verified", "phone_number_verified",
                EmulatorGateway.READ_ONLY_BY_CONFIGURATION)) {
            GraphQL.updateMyAttributes(token, attribute(readOnly, "true"))
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        GraphQL.updateMyAttributes(token, attribute("nickname", "Al")).body("errors", nullValue());
    }

    @Test
    void eachClientThatLetsUsersWriteAroundThePolicyIsNamedOnceAtStartUp() {
        String permissive = "App client " + clientIds.get(1) + " lets users write [email_verified, "
                + EmulatorGateway.READ_ONLY_BY_CONFIGURATION + "]";
        // The demo client sets no WriteAttributes: Cognito then lets users write every standard attribute.
        String demo = "App client " + LocalCognito.shared().clientId() + " lets users write ["
                + EmulatorGateway.READ_ONLY_BY_CONFIGURATION + "]";
        TestLog log = TestLog.gateway();

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> log.linesContaining(permissive) + log.linesContaining(demo) >= 2);
        assertEquals(1, log.linesContaining(permissive), "warnings about the permissive client");
        assertEquals(1, log.linesContaining(demo), "warnings about the demo client");
    }
}
