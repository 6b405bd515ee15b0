package dev.attrgateway.admin;

import static dev.attrgateway.support.GraphQL.attribute;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.EmulatorGateway;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.VerificationCodes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** The admin operations against the emulator, with the gateway's own credentials. */
@QuarkusTest
@TestProfile(EmulatorGateway.class)
class AdminTest {

    @Test
    void anAdminUpdatesAnotherUserAndReadsItBack() {
        String username = DemoUsers.newUser("managed");

        ValidatableResponse update = adminUpdate(username, attribute("custom:role", "editor"),
                attribute("name", "Grace Hopper"))
                .body("errors", nullValue())
                .body("data.adminUpdateUserAttributes.userPoolId", equalTo(LocalCognito.shared().userPoolId()))
                .body("data.adminUpdateUserAttributes.username", equalTo(username))
                .body("data.adminUpdateUserAttributes.attributeNames", contains("custom:role", "name"))
                .body("data.adminUpdateUserAttributes.profile.userAttributes.find { it.name == 'name' }.value",
                        equalTo("Grace Hopper"))
                .body("data.adminUpdateUserAttributes.profile.email", equalTo(username + "@example.com"));

        adminGetUser(null, username)
                .body("errors", nullValue())
                .body("data.adminGetUser.id",
                        equalTo(update.extract().path("data.adminUpdateUserAttributes.profile.id")))
                .body("data.adminGetUser.username", equalTo(username))
                .body("data.adminGetUser.enabled", equalTo(true))
                .body("data.adminGetUser.userStatus", equalTo("CONFIRMED"))
                .body("data.adminGetUser.userAttributes.find { it.name == 'custom:role' }.value", equalTo("editor"))
                .body("data.adminGetUser.userAttributes.find { it.name == 'name' }.value", equalTo("Grace Hopper"));
    }

    @Test
    void settingAnEmailAsVerifiedSendsNoCode() {
        String username = DemoUsers.newUser("preverified");
        int codesBefore = VerificationCodes.countFor(username);

        adminUpdate(username, attribute("email", username + "@example.org"), attribute("email_verified", "true"))
                .body("errors", nullValue());

        adminGetUser(null, username)
                .body("data.adminGetUser.userAttributes.find { it.name == 'email' }.value",
                        equalTo(username + "@example.org"))
                .body("data.adminGetUser.userAttributes.find { it.name == 'email_verified' }.value", equalTo("true"));
        assertEquals(codesBefore, VerificationCodes.countFor(username));
    }

    @Test
    void theConfiguredPoolCanBeNamedExplicitly() {
        adminGetUser(LocalCognito.shared().userPoolId(), "alice")
                .body("errors", nullValue())
                .body("data.adminGetUser.username", equalTo("alice"));
    }

    @Test
    void anUnknownUserIsUserNotFound() {
        adminGetUser(null, "nobody-" + System.nanoTime())
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("USER_NOT_FOUND"))
                .body("errors[0].extensions.cognitoError", equalTo("UserNotFoundException"))
                .body("errors[0].path", contains("adminGetUser"));
    }

    @SafeVarargs
    private static ValidatableResponse adminUpdate(String username, Map<String, Object>... attributes) {
        return GraphQL.execute("adminUpdateUserAttributes",
                Map.of("input", Map.of("username", username, "userAttributes", List.of(attributes))),
                DemoUsers.accessToken("admin")).statusCode(200);
    }

    static ValidatableResponse adminGetUser(String userPoolId, String username) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("userPoolId", userPoolId);
        variables.put("username", username);
        return GraphQL.execute("adminGetUser", variables, DemoUsers.accessToken("admin")).statusCode(200);
    }
}
