package dev.attrgateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.Dashboards;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.PackagedGatewayResource;
import dev.attrgateway.support.PrometheusScrape;
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
    void everyMetricTheDashboardAndTheAlertsUseIsServedFromStart() {
        Set<String> missing = new TreeSet<>(Dashboards.queriedGatewayMetrics());
        missing.removeAll(PrometheusScrape.now().names());

        assertEquals(Set.of(), missing, "not at /q/metrics before the first event they count");
    }

    @Test
    void isReady() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
