package dev.attrgateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
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
import io.restassured.response.ValidatableResponse;

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
    void onlyTheConfiguredOriginMayCallFromABrowser() {
        preflight(PackagedGatewayResource.FRONT_END).statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PackagedGatewayResource.FRONT_END))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Authorization"));
        GraphQL.request(DemoUsers.accessToken("alice")).header("Origin", PackagedGatewayResource.FRONT_END)
                .contentType("application/json").body("{\"query\":\"{ me { username } }\"}").post("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("X-Request-Id"))
                .body("data.me.username", equalTo("alice"));
        preflight("http://localhost:5173").header("Access-Control-Allow-Origin", nullValue());
    }

    private static ValidatableResponse preflight(String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").options("/graphql").then();
    }

    @Test
    void isReady() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
