package dev.attrgateway.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.CognitoStubResource;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * An admin's rights are confirmed with Cognito before an admin call, not only read from the token: its token
 * still live (GetUser), an admin group still the user's (AdminListGroupsForUser). Cognito here is the stub,
 * which counts the calls and plays a revoked token or a removed admin.
 */
@QuarkusTest
@WithTestResource(CognitoStubResource.class)
@TestProfile(AdminConfirmationTest.WithAdminScope.class)
class AdminConfirmationTest {

    static final String ADMIN_SCOPE = "attrgateway/admin";

    public static class WithAdminScope implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.admin-scopes", ADMIN_SCOPE);
        }
    }

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
    void aRevokedOrSignedOutTokenIsUnauthenticated() {
        stub.always("GetUser", Reply.error(400, "NotAuthorizedException", "Access Token has been revoked"));

        adminGetUser(freshAdminToken())
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        assertEquals(0, stub.calls("AdminListGroupsForUser").size());
        assertEquals(0, stub.calls("AdminGetUser").size());
    }

    @Test
    void aUserNoLongerInAnAdminGroupIsForbidden() {
        stub.always("AdminListGroupsForUser", Reply.success("{\"Groups\":[{\"GroupName\":\"readers\"}]}"));
        String token = freshAdminToken();

        adminGetUser(token).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        GraphQL.execute("adminUpdateUserAttributes", Map.of("input", Map.of("username", "alice",
                "userAttributes", java.util.List.of(SelfServiceTest.attribute("custom:role", "owner")))), token)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        assertEquals(1, stub.calls("AdminListGroupsForUser").size(), "the refusal is kept for the interval too");
        assertEquals(0, stub.calls("AdminGetUser").size());
        assertEquals(0, stub.calls("AdminUpdateUserAttributes").size());
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

    @Test
    void aMachineTokenWithTheAdminScopeKeepsTheScopeRule() {
        String machineToken = Tokens.withClaims(DemoUsers.accessToken("alice"), claims -> {
            claims.setClaim("scope", ADMIN_SCOPE);
            claims.unsetClaim("username");
            claims.setJwtId(UUID.randomUUID().toString());
        });

        adminGetUser(machineToken).body("errors", nullValue());

        assertEquals(0, stub.calls("GetUser").size());
        assertEquals(0, stub.calls("AdminListGroupsForUser").size());
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
