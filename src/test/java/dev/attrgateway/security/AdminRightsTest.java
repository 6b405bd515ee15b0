package dev.attrgateway.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.StubGateway;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * What Cognito says of an admin's rights (its token still live, an admin group still the user's) is trusted for the
 * recheck interval, a refusal as a confirmation; a failure to ask is not kept. Cognito here is the stub, which counts
 * the calls. (Which answer refuses what: admin.AdminPipelineTest.)
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class AdminRightsTest {

    @InjectCognitoStub
    CognitoStub stub;

    @Test
    void aConfirmedAdminIsTrustedForTheRecheckInterval() {
        String token = freshAdminToken();

        adminGetUser(token).body("errors", nullValue());
        adminGetUser(token).body("errors", nullValue());

        assertEquals(1, stub.calls("GetUser").size());
        assertEquals(1, stub.calls("AdminListGroupsForUser").size());
        assertEquals(token, stub.calls("GetUser").get(0).body().getString("AccessToken"));
        assertEquals(2, stub.calls("AdminGetUser").size());
    }

    @Test
    void aRefusalIsTrustedForTheRecheckIntervalToo() {
        stub.always("AdminListGroupsForUser", Reply.success("{\"Groups\":[{\"GroupName\":\"readers\"}]}"));
        String token = freshAdminToken();

        adminGetUser(token).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        adminGetUser(token).body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        assertEquals(1, stub.calls("AdminListGroupsForUser").size());
        assertEquals(0, stub.calls("AdminGetUser").size());
    }

    @Test
    void aFailureToConfirmIsNotKept() {
        stub.always("GetUser", Reply.error(400, "ResourceNotFoundException", "User pool not found"));
        String token = freshAdminToken();

        adminGetUser(token).body("errors[0].extensions.code", equalTo("RESOURCE_NOT_FOUND"));
        stub.reset();
        adminGetUser(token).body("errors", nullValue());

        assertEquals(1, stub.calls("GetUser").size(), "asked again after the failure");
        assertEquals(1, stub.calls("AdminGetUser").size());
    }

    /** The admin's token, re-issued so that no confirmation of another test stands for it. */
    private static String freshAdminToken() {
        return Tokens.withClaims(DemoUsers.accessToken("admin"), claims -> claims.setJwtId(UUID.randomUUID().toString()));
    }

    private static ValidatableResponse adminGetUser(String token) {
        return GraphQL.execute("adminGetUser", Map.of("username", "alice"), token).statusCode(200);
    }
}
