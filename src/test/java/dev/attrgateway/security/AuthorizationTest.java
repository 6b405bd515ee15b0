package dev.attrgateway.security;

import static dev.attrgateway.support.GraphQL.attribute;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.EmulatorGateway;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Every refusal of an access token, with the accepted clients configured: each gives its code and leaves the user
 * as it was. (Admin rights: admin.AdminPipelineTest.)
 */
@QuarkusTest
@TestProfile(EmulatorGateway.class)
class AuthorizationTest {

    @Test
    void noTokenIsUnauthenticated() {
        assertRefused(GraphQL.execute("me", null), "UNAUTHENTICATED", "me");
        assertRefused(adminGetUser(null), "UNAUTHENTICATED", "adminGetUser");
    }

    @Test
    void aForgedTokenIsUnauthenticated() {
        assertRefused(updateNickname(Tokens.signedByAnotherKey(DemoUsers.accessToken("alice"))), "UNAUTHENTICATED",
                "updateMyAttributes");
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        assertRefused(updateNickname(Tokens.expired(DemoUsers.accessToken("alice"))), "UNAUTHENTICATED",
                "updateMyAttributes");
    }

    @Test
    void aTokenValidForLongerThanCognitoIssuesThemIsUnauthenticated() {
        String alice = DemoUsers.accessToken("alice");
        assertRefused(updateNickname(Tokens.withClaims(alice, claims -> claims.setExpirationTimeMinutesInTheFuture(
                10 * 365 * 24 * 60))), "UNAUTHENTICATED", "updateMyAttributes");
        assertRefused(updateNickname(Tokens.withClaims(alice, claims -> claims.unsetClaim("iat"))), "UNAUTHENTICATED",
                "updateMyAttributes");
        GraphQL.execute("me", Tokens.withClaims(alice, claims -> {
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(24 * 60);
        })).body("errors", nullValue()).body("data.me.username", equalTo("alice"));
    }

    @Test
    void anIdTokenIsUnauthenticated() {
        assertRefused(updateNickname(DemoUsers.signIn("alice").idToken()), "UNAUTHENTICATED", "updateMyAttributes");
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthenticated() {
        String token = Tokens.withClaims(DemoUsers.accessToken("alice"),
                claims -> claims.setIssuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other0001"));
        assertRefused(updateNickname(token), "UNAUTHENTICATED", "updateMyAttributes");
    }

    @Test
    void aTokenOfAForeignClientIsUnauthenticated() {
        String token = Tokens.withClaims(DemoUsers.accessToken("alice"),
                claims -> claims.setClaim("client_id", "someotherappclient000000"));
        assertRefused(updateNickname(token), "UNAUTHENTICATED", "updateMyAttributes");
        assertRefused(adminGetUser(Tokens.withClaims(DemoUsers.accessToken("admin"),
                claims -> claims.setClaim("client_id", "someotherappclient000000"))), "UNAUTHENTICATED", "adminGetUser");
    }

    @Test
    void aTokenWithoutTheSelfServiceScopeIsUnauthenticated() {
        String token = Tokens.withClaims(DemoUsers.accessToken("alice"), claims -> claims.setClaim("scope", "openid"));
        assertRefused(updateNickname(token), "UNAUTHENTICATED", "updateMyAttributes");
        assertRefused(GraphQL.execute("me", token), "UNAUTHENTICATED", "me");
    }

    @Test
    void theAcceptedClientStillGetsThrough() {
        GraphQL.execute("me", DemoUsers.accessToken("alice")).body("errors", nullValue())
                .body("data.me.username", equalTo("alice"));
    }

    private static ValidatableResponse updateNickname(String token) {
        return GraphQL.updateMyAttributes(token, attribute("nickname", "mallory"));
    }

    private static ValidatableResponse adminGetUser(String token) {
        return GraphQL.execute("adminGetUser", Map.of("username", "alice"), token);
    }

    /** The refusal as the contract types it; and what the refused calls would have written is not there. */
    private static void assertRefused(ValidatableResponse response, String code, String field) {
        response.statusCode(200)
                .body("data", nullValue())
                .body("errors.size()", equalTo(1))
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].path[0]", equalTo(field));
        GraphQL.execute("me", DemoUsers.accessToken("alice"))
                .body("data.me.userAttributes.findAll { it.name == 'nickname' }.value", not(hasItem("mallory")))
                .body("data.me.userAttributes.findAll { it.name == 'custom:role' }.value", not(hasItem("owner")));
    }
}
