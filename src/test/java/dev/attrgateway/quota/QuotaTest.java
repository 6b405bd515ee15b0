package dev.attrgateway.quota;

import static dev.attrgateway.support.GraphQL.attribute;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.CognitoStubResource;
import dev.attrgateway.support.Concurrently;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.PrometheusScrape;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * The quota guard in front of Cognito, with small budgets: what a budget refuses never reaches Cognito (the
 * stub counts every call), is typed RATE_LIMITED with when to retry, and one caller's flood spends only its
 * own budget. Counts allow for the budgets' refill while a burst is in flight; no assertion is about speed.
 */
@QuarkusTest
@TestProfile(QuotaTest.SmallBudgets.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuotaTest {

    static final int PER_CALLER = 5;
    /** Above one caller's burst, so that a flooding caller cannot spend it all. */
    static final int USER_READ = 12;
    static final int USER_UPDATE = 4;
    static final int CODES_PER_HOUR = 2;
    static final int VERIFY_ATTEMPTS_PER_HOUR = 3;

    /** Small budgets (not the test profile's, which never bind), against the stub. */
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CognitoStubResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.quota.per-caller-rps", String.valueOf(PER_CALLER),
                    "gateway.quota.user-read-rps", String.valueOf(USER_READ),
                    "gateway.quota.user-update-rps", String.valueOf(USER_UPDATE),
                    "gateway.quota.codes-per-user-per-hour", String.valueOf(CODES_PER_HOUR),
                    "gateway.quota.verify-attempts-per-user-per-hour", String.valueOf(VERIFY_ATTEMPTS_PER_HOUR),
                    "gateway.quota.max-wait", "250ms");
        }
    }

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @InjectCognitoStub
    CognitoStub stub;

    @Test
    @Order(1)
    void aCallerOverItsBudgetIsRateLimitedAndCognitoSeesOnlyTheBudget() {
        String token = newCaller();
        PrometheusScrape before = PrometheusScrape.now();

        Concurrently.Burst burst = Concurrently.burst(port, Collections.nCopies(20, token), "me", Map.of());

        List<JsonObject> refused = refusals(answers(burst.answers()));
        assertEquals(20, burst.served() + refused.size(), "every request is served or refused as RATE_LIMITED");
        assertEquals(burst.served(), stub.calls("GetUser").size(), "Cognito sees exactly the calls served");
        assertWithinBudget(burst, PER_CALLER);
        refused.forEach(error -> {
            JsonObject extensions = error.getJsonObject("extensions");
            assertEquals(true, extensions.getBoolean("retryable"));
            assertTrue(extensions.getJsonNumber("retryAfterMs").longValue() > 0, "retryAfterMs " + extensions);
            assertEquals("Too many Cognito calls from this caller: try again later", error.getString("message"));
        });
        PrometheusScrape after = PrometheusScrape.now();
        assertEquals(refused.size(), after.value("gateway_quota_refusals_total", "category", "UserRead", "budget", "caller")
                - before.value("gateway_quota_refusals_total", "category", "UserRead", "budget", "caller"));
        assertEquals(refused.size(), after.value("gateway_graphql_requests_seconds_count", "operation", "me",
                "outcome", "RATE_LIMITED") - before.value("gateway_graphql_requests_seconds_count", "operation", "me",
                "outcome", "RATE_LIMITED"));
    }

    @Test
    @Order(2)
    void aCallerFloodingTheGatewayDoesNotDelayAnother() throws InterruptedException {
        awaitFullBudgets();
        Concurrently.send(port, Collections.nCopies(30, newCaller()), "me", Map.of());

        GraphQL.execute("me", newCaller()).statusCode(200).body("errors", nullValue());
    }

    @Test
    @Order(3)
    void verificationCodesAreBudgetedPerUserAndHour() {
        String token = newCaller();

        resend(token).body("errors", nullValue());
        updateEmail(token).body("errors", nullValue());
        assertCodesSpent(resend(token));
        assertCodesSpent(updateEmail(token));
        GraphQL.updateMyAttributes(token, attribute("nickname", "Al")).body("errors", nullValue());

        assertEquals(1, stub.calls("GetUserAttributeVerificationCode").size());
        assertEquals(2, stub.calls("UpdateUserAttributes").size(), "the email change and the nickname");
    }

    @Test
    @Order(0)
    void verificationAttemptsAreBudgetedPerUserAndHour() {
        String token = newCaller();
        Map<String, ?> guess = Map.of("input", Map.of("attributeName", "email", "code", "000000"));

        for (int i = 0; i < VERIFY_ATTEMPTS_PER_HOUR; i++) {
            GraphQL.execute("verifyMyAttribute", guess, token).statusCode(200).body("errors", nullValue());
        }
        GraphQL.execute("verifyMyAttribute", guess, token).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].message", equalTo(
                        "Too many verification attempts for this user in the last hour: try again later"));
        GraphQL.execute("verifyMyAttribute", guess, newCaller()).statusCode(200).body("errors", nullValue());

        assertEquals(VERIFY_ATTEMPTS_PER_HOUR + 1, stub.calls("VerifyUserAttribute").size());
    }

    @Test
    @Order(4)
    void retriesOfThrottledCallsTakePermitsToo() {
        stub.always("UpdateUserAttributes", Reply.error(400, "TooManyRequestsException", "Rate exceeded"));

        // Three attempts are allowed; each email change needs a code permit, and the budget holds two.
        assertCodesSpent(updateEmail(newCaller()));

        assertEquals(CODES_PER_HOUR, stub.calls("UpdateUserAttributes").size());
    }

    @Test
    @Order(5)
    void thePoolWideBudgetHoldsForAllCallersTogether() throws InterruptedException {
        awaitFullBudgets();
        List<String> callers = IntStream.range(0, 12).mapToObj(i -> newCaller()).toList();
        Map<String, ?> nickname = Map.of("input", Map.of("userAttributes", List.of(attribute("nickname", "Al"))));

        Concurrently.Burst burst = Concurrently.burst(port, callers, "updateMyAttributes", nickname);

        assertEquals(burst.served(), stub.calls("UpdateUserAttributes").size());
        assertWithinBudget(burst, USER_UPDATE);
        refusals(answers(burst.answers())).forEach(error -> assertEquals(
                "The gateway's budget of Cognito UserUpdate calls is spent: try again later", error.getString("message")));
    }

    /** The shared budgets refill within a second of what the tests before spent: a pause, not a measure. */
    private static void awaitFullBudgets() throws InterruptedException {
        Thread.sleep(1_100);
    }

    /**
     * A budget's burst at least, and no more than the burst, what refills while the burst is in flight and what a
     * call may wait for (max-wait): whatever the machine's speed.
     */
    private static void assertWithinBudget(Concurrently.Burst burst, int perSecond) {
        long served = burst.served();
        assertTrue(served >= perSecond && served <= perSecond + perSecond * (burst.seconds() + 0.25) + 1,
                served + " calls served in " + burst.seconds() + " s");
    }

    private static String newCaller() {
        return Tokens.ofNewUser("quota");
    }

    private static List<JsonObject> answers(List<HttpResponse<String>> responses) {
        responses.forEach(response -> assertEquals(200, response.statusCode()));
        return responses.stream().map(Concurrently::json).toList();
    }

    /** The errors of the refused answers, each checked to be the guard's. */
    private static List<JsonObject> refusals(List<JsonObject> answers) {
        return answers.stream().filter(answer -> answer.containsKey("errors"))
                .map(answer -> answer.getJsonArray("errors").getJsonObject(0))
                .peek(error -> assertEquals("RATE_LIMITED", error.getJsonObject("extensions").getString("code"),
                        error.toString()))
                .toList();
    }

    private static void assertCodesSpent(ValidatableResponse response) {
        response.body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.retryable", equalTo(true))
                .body("errors[0].message", equalTo(
                        "Too many verification codes for this user in the last hour: try again later"));
    }

    private static ValidatableResponse resend(String token) {
        return GraphQL.execute("resendMyAttributeVerificationCode", Map.of("input", Map.of("attributeName", "email")),
                token).statusCode(200);
    }

    private static ValidatableResponse updateEmail(String token) {
        return GraphQL.updateMyAttributes(token, attribute("email", "new-" + UUID.randomUUID() + "@example.com"));
    }
}
