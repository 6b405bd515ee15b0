package dev.attrgateway.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

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
 * An admin taken out of the admin group in Cognito (the emulator) loses admin rights within the recheck
 * interval, although the token still says {@code cognito:groups: [admin]} until it expires.
 */
@QuarkusTest
@WithTestResource(LocalCognitoResource.class)
@TestProfile(RemovedAdminTest.ShortRecheck.class)
class RemovedAdminTest {

    public static class ShortRecheck implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.admin-recheck-interval", "1s");
        }
    }

    @Test
    void anAdminRemovedFromTheGroupIsForbiddenWithinTheRecheckInterval() throws InterruptedException {
        String username = DemoUsers.newUser("exadmin", LocalCognito.ADMIN_GROUP);
        String token = DemoUsers.accessToken(username);
        GraphQL.execute("adminGetUser", Map.of("username", "alice"), token).body("errors", nullValue());

        LocalCognito.shared().removeFromGroup(username, LocalCognito.ADMIN_GROUP);

        // Well past the interval, with a wide margin for a busy machine; the point is that it happens at all.
        long deadline = System.currentTimeMillis() + 15_000;
        String code = null;
        while (!"FORBIDDEN".equals(code) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            code = GraphQL.execute("adminGetUser", Map.of("username", "alice"), token).statusCode(200)
                    .extract().path("errors[0].extensions.code");
        }
        assertEquals("FORBIDDEN", code);
        GraphQL.execute("adminGetUser", Map.of("username", "alice"), DemoUsers.accessToken("admin"))
                .body("errors", nullValue()).body("data.adminGetUser.username", equalTo("alice"));
    }
}
