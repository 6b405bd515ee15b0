package dev.attrgateway.users;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

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
    void returnsTheCallersUsernameAndAttributes() {
        GraphQL.execute("me", DemoUsers.accessToken("alice"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.username", equalTo("alice"))
                .body("data.me.userAttributes.name", hasItems("email", "email_verified", "sub"))
                .body("data.me.userAttributes.find { it.name == 'email' }.value", equalTo("alice@example.com"));
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
