package dev.attrgateway.transport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.attrgateway.support.Browser;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.StubGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A page on another origin may call the gateway when the origin is allowed (any page on this machine outside
 * production): the preflight is answered with the headers a GraphQL client sends, and the answer's X-Request-Id is
 * readable by the page. Any other origin gets no Access-Control-Allow-Origin and its request does not run.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class CorsTest {

    private static final String FRONT_END = "http://localhost:5173";

    @InjectCognitoStub
    CognitoStub stub;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @BeforeEach
    void resetStub() {
        stub.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {FRONT_END, "http://127.0.0.1:3000", "http://localhost"})
    void aPreflightFromAPageOnThisMachineAllowsWhatAGraphQLClientSends(String origin) {
        given().header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,traceparent")
                .options("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(origin))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Authorization"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Content-Type"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("traceparent"))
                .header("Access-Control-Max-Age", equalTo("7200"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
    }

    @Test
    void theAnswerToAnAllowedOriginExposesTheRequestId() {
        GraphQL.request(DemoUsers.accessToken("alice")).header("Origin", FRONT_END)
                .contentType("application/json").body("{\"query\":\"{ me { username } }\"}")
                .post("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT_END))
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("X-Request-Id"))
                .header("X-Request-Id", not(nullValue()))
                .body("data.me.username", equalTo("stub-user"));
        assertEquals(1, stub.calls("GetUser").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://localhost.evil.example", "http://127.0.0.2:5173", "null"})
    void anotherOriginGetsNoAllowOriginAndItsRequestDoesNotRun(String origin) {
        given().header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql")
                .then().header("Access-Control-Allow-Origin", nullValue());
        GraphQL.request(DemoUsers.accessToken("alice")).header("Origin", origin)
                .contentType("application/json").body("{\"query\":\"{ me { username } }\"}")
                .post("/graphql")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        assertEquals(0, stub.calls().size(), "Cognito calls");
    }

    @Test
    void aPageOnAnotherOriginCallsTheGatewayAndReadsTheRequestIdInABrowser() {
        JsonObject seen = Browser.check("cross-origin.mjs", Map.of("GATEWAY_URL", "http://localhost:" + port,
                "ACCESS_TOKEN", DemoUsers.accessToken("alice")));

        JsonObject allowed = seen.getJsonObject("allowed");
        assertEquals(200, allowed.getInt("status"), allowed.toString());
        assertEquals("stub-user", allowed.getJsonObject("body").getJsonObject("data").getJsonObject("me")
                .getString("username"));
        assertFalse(allowed.isNull("requestId"), "the page reads X-Request-Id: " + allowed);
        assertTrue(seen.getJsonObject("refused").containsKey("blocked"), "the browser blocked the other origin: "
                + seen.getJsonObject("refused"));
        assertEquals(1, stub.calls("GetUser").size(), "Cognito calls: only the allowed page's request ran");
    }
}
