package dev.attrgateway.users;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.EmulatorGateway;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestProfile(EmulatorGateway.class)
class MeTest {

    @Test
    void returnsTheCallersIdUsernameAndAttributes() {
        String token = DemoUsers.accessToken("alice");

        ValidatableResponse me = GraphQL.execute("me", token)
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.username", equalTo("alice"))
                .body("data.me.email", equalTo("alice@example.com"))
                .body("data.me.emailVerified", equalTo(true))
                .body("data.me.phoneNumber", nullValue())
                .body("data.me.phoneNumberVerified", nullValue())
                .body("data.me.userAttributes.name", hasItems("email", "email_verified", "sub"))
                .body("data.me.userAttributes.find { it.name == 'email' }.value", equalTo("alice@example.com"));
        String id = me.extract().path("data.me.id");
        assertEquals(me.extract().path("data.me.userAttributes.find { it.name == 'sub' }.value"), id, "Cognito's sub");
    }

    @Test
    void withoutATokenIsUnauthenticated() {
        assertUnauthenticated(GraphQL.execute("me", null));
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthenticated() {
        assertUnauthenticated(GraphQL.execute("me", Tokens.signedByAnotherKey(DemoUsers.accessToken("alice"))));
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        assertUnauthenticated(GraphQL.execute("me", Tokens.expired(DemoUsers.accessToken("alice"))));
    }

    @Test
    void anIdTokenIsUnauthenticated() {
        assertUnauthenticated(GraphQL.execute("me", DemoUsers.signIn("alice").idToken()));
    }

    @Test
    void aMalformedTokenIsUnauthenticated() {
        assertUnauthenticated(GraphQL.execute("me", "not-a-jwt"));
    }

    private static void assertUnauthenticated(ValidatableResponse response) {
        response.statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].path", equalTo(java.util.List.of("me")));
    }
}
