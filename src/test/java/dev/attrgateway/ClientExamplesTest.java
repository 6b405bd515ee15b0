package dev.attrgateway;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.local.NpmProject;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.EmulatorGateway;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.VerificationCodes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The typed client of {@code graphql/client} (Apollo Client and urql, persisted queries, the retry rule) runs every
 * example operation against the gateway and the emulator, as its README shows; its generated code matches the
 * schema and the examples.
 */
@QuarkusTest
@TestProfile(EmulatorGateway.class)
class ClientExamplesTest {

    private static final NpmProject CLIENT = NpmProject.at("graphql/client");
    private static final Pattern PERSISTED = Pattern.compile("(\\d+) known to the gateway, (\\d+) sent again");

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void everyExampleRunsThroughBothClientsAndTheEmailChangeEndsVerified() {
        String username = DemoUsers.newUser("client");
        String newEmail = username + ".new@example.com";
        NpmProject client = CLIENT.installed("@apollo/client", "@urql/core", "@graphql-codegen/cli", "tsx");

        client.npmRun("check", Map.of(), 2);
        String output = client.npmRun("examples", Map.of(
                "GATEWAY_URL", gateway.toString(),
                "COGNITO_ENDPOINT", LocalCognito.shared().endpoint().toString(),
                "CLIENT_ID", LocalCognito.shared().clientId(),
                "ALICE_USERNAME", username,
                "DEMO_PASSWORD", LocalCognito.DEMO_PASSWORD,
                "CODES_LOG", LocalCognito.shared().logFile().toString(),
                "NEW_EMAIL", newEmail), 2);

        assertTrue(output.contains("every example ran"), output);
        assertFalse(output.contains("eyJ"), "a token in the output");
        assertFalse(output.contains(VerificationCodes.nextFor(username, 1)), "a code in the output");
        Matcher persisted = PERSISTED.matcher(output);
        assertTrue(persisted.find(), output);
        assertTrue(Integer.parseInt(persisted.group(1)) > 0, "no document the gateway already knew: " + output);
        assertTrue(Integer.parseInt(persisted.group(2)) > 0, "no document sent after a miss: " + output);
        assertEquals(2, VerificationCodes.countFor(username), "one code for the change, one sent again");
        GraphQL.execute("me", DemoUsers.accessToken(username))
                .body("errors", equalTo(null))
                .body("data.me.userAttributes.find { it.name == 'email' }.value", equalTo(newEmail))
                .body("data.me.userAttributes.find { it.name == 'email_verified' }.value", equalTo("true"))
                .body("data.me.userAttributes.find { it.name == 'custom:role' }.value", equalTo("editor"))
                .body("data.me.userAttributes.find { it.name == 'custom:department' }.value", equalTo("Research"));
    }
}
