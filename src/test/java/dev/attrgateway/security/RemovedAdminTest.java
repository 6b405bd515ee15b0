package dev.attrgateway.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.EmulatorGateway;
import dev.attrgateway.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * An admin taken out of the admin group in Cognito (the emulator) loses admin rights within the recheck
 * interval, although the token still says {@code cognito:groups: [admin]} until it expires.
 */
@QuarkusTest
@TestProfile(EmulatorGateway.class)
class RemovedAdminTest {

    @Test
    void anAdminRemovedFromTheGroupIsForbiddenWithinTheRecheckInterval() {
        String username = DemoUsers.newUser("exadmin", LocalCognito.ADMIN_GROUP);
        String token = DemoUsers.accessToken(username);
        GraphQL.execute("adminGetUser", Map.of("username", "alice"), token).body("errors", nullValue());

        LocalCognito.shared().removeFromGroup(username, LocalCognito.ADMIN_GROUP);

        // Past the interval (1 s), with a wide margin for a busy machine; the point is that it happens at all.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> GraphQL.execute("adminGetUser", Map.of("username", "alice"), token).statusCode(200)
                        .extract().path("errors[0].extensions.code"), "FORBIDDEN"::equals);
        GraphQL.execute("adminGetUser", Map.of("username", "alice"), DemoUsers.accessToken("admin"))
                .body("errors", nullValue()).body("data.adminGetUser.username", equalTo("alice"));
    }
}
