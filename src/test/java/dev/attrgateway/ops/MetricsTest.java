package dev.attrgateway.ops;

import static dev.attrgateway.support.GraphQL.attribute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.Dashboards;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.PrometheusScrape;
import dev.attrgateway.support.StubGateway;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * /q/metrics after successes and each kind of failure: the gateway's metrics count exactly what happened, by
 * operation, outcome, Cognito API, quota category and reason, and name no user, token or value.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class MetricsTest {

    @InjectCognitoStub
    CognitoStub stub;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void everyRequestAndCognitoCallIsCountedByOperationAndOutcome() {
        String username = "metrics-" + UUID.randomUUID();
        String token = Tokens.forUser(DemoUsers.accessToken("alice"), username);
        PrometheusScrape before = PrometheusScrape.now();

        GraphQL.execute("me", token).body("data.me.username", equalTo("stub-user"));
        stub.next("UpdateUserAttributes", Reply.error(400, "AliasExistsException", "An account with the given email already exists."));
        updateNickname(Tokens.forUser(token, username + "-2")).body("errors[0].extensions.code", equalTo("ALIAS_EXISTS"));
        stub.next("GetUser", Reply.error(500, "InternalErrorException", "Internal"));
        GraphQL.execute("me", Tokens.forUser(token, username + "-3")).body("data.me.username", equalTo("stub-user"));
        stub.next("UpdateUserAttributes", Reply.page(503, "<html>Service Unavailable</html>"));
        updateNickname(Tokens.forUser(token, username + "-4")).body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
        stub.next("UpdateUserAttributes", Reply.silence());
        updateNickname(Tokens.forUser(token, username + "-5")).body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"));
        GraphQL.post(GraphQL.request(token), "{ me { username }", Map.of())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
        given().contentType(ContentType.JSON).body("{not json").post("/graphql").then().statusCode(400);

        PrometheusScrape after = PrometheusScrape.now();
        assertIncrease(before, after, 2, "gateway_graphql_requests_seconds_count", "operation", "me", "outcome", "OK");
        assertIncrease(before, after, 1, "gateway_graphql_requests_seconds_count", "operation", "updateMyAttributes",
                "outcome", "ALIAS_EXISTS");
        assertIncrease(before, after, 1, "gateway_graphql_requests_seconds_count", "operation", "updateMyAttributes",
                "outcome", "UPSTREAM_UNAVAILABLE");
        assertIncrease(before, after, 1, "gateway_graphql_requests_seconds_count", "operation", "updateMyAttributes",
                "outcome", "UPSTREAM_TIMEOUT");
        assertIncrease(before, after, 1, "gateway_graphql_requests_seconds_count", "operation", "none",
                "outcome", "GRAPHQL_PARSE_FAILED");
        assertIncrease(before, after, 1, "gateway_graphql_requests_seconds_count", "operation", "none",
                "outcome", "BAD_REQUEST");
        assertIncrease(before, after, 2, "gateway_cognito_calls_seconds_count", "api", "GetUser", "outcome", "OK");
        assertIncrease(before, after, 1, "gateway_cognito_calls_seconds_count", "api", "GetUser", "outcome", "INTERNAL_ERROR");
        assertIncrease(before, after, 1, "gateway_cognito_retries_total", "api", "GetUser");
        assertIncrease(before, after, 1, "gateway_cognito_calls_seconds_count", "api", "UpdateUserAttributes",
                "outcome", "ALIAS_EXISTS");
        assertIncrease(before, after, 1, "gateway_cognito_calls_seconds_count", "api", "UpdateUserAttributes",
                "outcome", "UPSTREAM_UNAVAILABLE");
        assertIncrease(before, after, 1, "gateway_cognito_calls_seconds_count", "api", "UpdateUserAttributes",
                "outcome", "UPSTREAM_TIMEOUT");
        assertIncrease(before, after, 3, "gateway_quota_permits_total", "category", "UserRead");
        assertIncrease(before, after, 3, "gateway_quota_permits_total", "category", "UserUpdate");
        assertEquals(0, after.value("gateway_cognito_calls_in_flight", "api", "UpdateUserAttributes"), "calls in flight");
        assertNothingPersonal(after, username, token);
    }

    @Test
    void refusedTokensAreCountedByReason() {
        String alice = DemoUsers.accessToken("alice");
        PrometheusScrape before = PrometheusScrape.now();

        GraphQL.execute("me", null).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        GraphQL.execute("me", Tokens.expired(alice)).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        GraphQL.execute("me", Tokens.signedByAnotherKey(alice)).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        GraphQL.execute("me", Tokens.withClaims(alice, claims -> claims.setIssuer("https://elsewhere.example/pool")))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        GraphQL.execute("me", Tokens.withClaims(alice, claims -> claims.setClaim("scope", "openid")))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        PrometheusScrape after = PrometheusScrape.now();
        for (String reason : List.of("missing", "expired", "signature", "issuer", "scope")) {
            assertIncrease(before, after, 1, "gateway_token_failures_total", "reason", reason);
        }
        assertIncrease(before, after, 5, "gateway_graphql_requests_seconds_count", "operation", "me",
                "outcome", "UNAUTHENTICATED");
        assertNothingPersonal(after, "alice", alice);
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsOneTheGatewayExposes() {
        String token = Tokens.forUser(DemoUsers.accessToken("alice"), "metrics-dashboard-" + UUID.randomUUID());
        stub.next("GetUser", Reply.error(500, "InternalErrorException", "Internal"));
        GraphQL.execute("me", token).body("data.me.username", equalTo("stub-user"));
        GraphQL.execute("me", Tokens.expired(token)).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        Set<String> exposed = PrometheusScrape.now().names();

        Set<String> queried = Dashboards.queriedGatewayMetrics();
        assertFalse(queried.isEmpty(), "the dashboard and the rules query nothing");
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exposed);
        assertEquals(Set.of(), missing, "queried by " + Dashboards.DASHBOARD + " or " + Dashboards.RULES
                + " but not at /q/metrics");
    }

    private static io.restassured.response.ValidatableResponse updateNickname(String token) {
        return GraphQL.updateMyAttributes(token, attribute("nickname", "Al"));
    }

    private static void assertIncrease(PrometheusScrape before, PrometheusScrape after, double expected, String name,
            String... labels) {
        assertEquals(expected, after.value(name, labels) - before.value(name, labels),
                name + " " + String.join(",", labels));
    }

    /** No user, token, sub or value in any metric: labels have bounded values only. */
    private static void assertNothingPersonal(PrometheusScrape scrape, String username, String token) {
        for (String secret : List.of(username, token.split("\\.")[1], token.split("\\.")[2], "stub-user", "Al\"",
                "stub@example.com")) {
            assertFalse(scrape.text().contains(secret), "/q/metrics holds " + secret.substring(0, Math.min(12,
                    secret.length())));
        }
    }
}
