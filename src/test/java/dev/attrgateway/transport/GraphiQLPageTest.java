package dev.attrgateway.transport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.Browser;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.StubGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * GraphiQL works as before but keeps a bearer token typed into its Headers tab out of the page's address, the
 * browser's history and its own stored history; it loads nothing from other hosts and is framed by no other site.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class GraphiQLPageTest {

    private static final String CSP_FRAME_ANCESTORS = "frame-ancestors 'none'";
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void theTokenTypedIntoTheHeadersTabStaysOutOfTheAddressAndTheStorage() {
        String token = DemoUsers.accessToken("alice");

        JsonObject seen = Browser.check("graphiql.mjs", Map.of("GATEWAY_URL", "http://localhost:" + port,
                "ACCESS_TOKEN", token));

        assertEquals("stub-user", seen.getJsonObject("answer").getJsonObject("data").getJsonObject("me")
                .getString("username"), "the query ran with the token: " + seen.getJsonObject("answer"));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertFalse(seen.getString("address").contains(signature), seen.getString("address"));
        assertFalse(seen.getString("address").contains("headers"), seen.getString("address"));
        assertFalse(seen.getString("storage").contains(signature), "GraphiQL stored the token");
        assertEquals(List.of("http://localhost:" + port), seen.getJsonArray("origins").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList(), "origins the page loaded from");
        assertEquals("DENY", seen.getJsonObject("headers").getString("x-frame-options"));
    }

    @Test
    void thePageAndEveryFileItLoadsComeFromTheGatewayAndMayNotBeFramed() {
        String page = given().get("/q/graphql-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString(CSP_FRAME_ANCESTORS))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .body(not(containsString("//")))
                .extract().asString();

        Matcher asset = ASSET.matcher(page);
        while (asset.find()) {
            given().get("/q/graphql-ui/" + asset.group(1)).then().statusCode(200)
                    .header("Content-Security-Policy", containsString(CSP_FRAME_ANCESTORS));
        }
        given().get("/q/graphql-ui/render.js").then().statusCode(200)
                .body(not(containsString("onEditHeaders")))
                .body(not(containsString("onEditVariables")));
    }
}
