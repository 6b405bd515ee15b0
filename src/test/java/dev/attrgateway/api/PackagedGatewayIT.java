package dev.attrgateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.PackagedGatewayResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The built artifact, started in the prod profile with only the operator's settings, against the emulator. */
@QuarkusIntegrationTest
@WithTestResource(PackagedGatewayResource.class)
class PackagedGatewayIT {

    @Test
    void answersMeWithTheCallersToken() {
        GraphQL.execute("me", DemoUsers.accessToken("alice")).statusCode(200)
                .body("errors", nullValue())
                .body("data.me.username", equalTo("alice"));
    }

    @Test
    void callsCognitoWithItsOwnCredentialsForAdmins() {
        GraphQL.execute("adminGetUser", Map.of("username", "alice"), DemoUsers.accessToken("admin")).statusCode(200)
                .body("errors", nullValue())
                .body("data.adminGetUser.username", equalTo("alice"));
    }

    @Test
    void refusesACallWithoutAToken() {
        GraphQL.execute("me", null).statusCode(200)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void isReady() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
