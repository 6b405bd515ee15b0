package dev.attrgateway.cognito;

import static dev.attrgateway.support.GraphQL.attribute;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.DocumentedFaults.Fault;
import dev.attrgateway.support.DocumentedFaults;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.StubGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** Cognito faults the emulator cannot produce, from a stub that speaks Cognito's wire protocol. */
@QuarkusTest
@TestProfile(StubGateway.class)
class UpstreamFaultsTest {

    /**
     * Longer than any answer takes, even on a busy machine, and far shorter than no answer: a call left to hang would
     * not end, or end at the SDK's own deadline.
     */
    private static final Duration WIDE_BOUND = Duration.ofSeconds(10);

    private static final int MAX_ATTEMPTS = 3;

    @InjectCognitoStub
    CognitoStub stub;
    private String token;

    @BeforeEach
    void signIn() {
        token = DemoUsers.accessToken("alice");
    }

    /**
     * Every documented exception but throttling, which the gateway retries (tested below), and one it does not
     * know, which follows the same naming rule.
     */
    static Stream<Fault> cognitoExceptions() {
        return Stream.concat(DocumentedFaults.DOCUMENTED.stream().filter(fault -> !fault.code().equals("TOO_MANY_REQUESTS")),
                Stream.of(new Fault("LimitExceededException", 400, "LIMIT_EXCEEDED", false, "Limit exceeded")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cognitoExceptions")
    void eachCognitoExceptionBecomesItsTypedError(Fault fault) {
        stub.always("UpdateUserAttributes", Reply.error(fault.status(), fault.name(), fault.message()));

        updateNickname()
                .body("data", nullValue())
                .body("errors[0].message", equalTo(fault.message()))
                .body("errors[0].path[0]", equalTo("updateMyAttributes"))
                .body("errors[0].extensions.code", equalTo(fault.code()))
                .body("errors[0].extensions.retryable", equalTo(fault.retryable()))
                .body("errors[0].extensions.cognitoError", equalTo(fault.name()))
                .body("errors[0].extensions.requestId", org.hamcrest.Matchers.startsWith("stub-request-"));
        // A write is not repeated after Cognito answered, even with a retryable fault.
        assertEquals(1, stub.calls("UpdateUserAttributes").size());
    }

    @Test
    void throttledCallsAreRetriedWithinTheTimeout() {
        stub.next("UpdateUserAttributes", Reply.error(400, "TooManyRequestsException", "Too many requests"));

        updateNickname().body("errors", nullValue());

        assertEquals(2, stub.calls("UpdateUserAttributes").size());
    }

    @Test
    void throttlingThatPersistsIsTooManyRequests() {
        stub.always("UpdateUserAttributes", Reply.error(400, "TooManyRequestsException", "Rate exceeded"));

        updateNickname()
                .body("errors[0].extensions.code", equalTo("TOO_MANY_REQUESTS"))
                .body("errors[0].extensions.retryable", equalTo(true))
                .body("errors[0].message", equalTo("Rate exceeded"));

        assertEquals(MAX_ATTEMPTS, stub.calls("UpdateUserAttributes").size());
    }

    @Test
    void readsAreRetriedAfterAnInternalError() {
        stub.next("GetUser", Reply.error(500, "InternalErrorException", "Internal"),
                Reply.page(502, "<html>Bad Gateway</html>"));

        GraphQL.execute("me", token).body("errors", nullValue()).body("data.me.username", equalTo("stub-user"));

        assertEquals(3, stub.calls("GetUser").size());
    }

    @Test
    void userNotFoundOnAdminUpdateIsUserNotFound() {
        stub.always("AdminUpdateUserAttributes", Reply.error(400, "UserNotFoundException", "User does not exist."));

        GraphQL.execute("adminUpdateUserAttributes", Map.of("input", Map.of("username", "ghost",
                "userAttributes", List.of(attribute("custom:role", "editor")))), DemoUsers.accessToken("admin"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("USER_NOT_FOUND"))
                .body("errors[0].extensions.cognitoError", equalTo("UserNotFoundException"))
                .body("errors[0].message", equalTo("User does not exist."));
    }

    @Test
    void aSilentCognitoIsAnUpstreamTimeoutThatHangsNothing() {
        stub.always("UpdateUserAttributes", Reply.silence());
        long started = System.nanoTime();

        updateNickname()
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].extensions.outcome", equalTo("UNKNOWN"));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(WIDE_BOUND) < 0, "answered after " + took);
        assertEquals(1, stub.calls("UpdateUserAttributes").size());
        awaitNoUnansweredCalls();
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("updateMyAttributes", "UpdateUserAttributes", "alice"),
                Arguments.of("deleteMyAttributes", "DeleteUserAttributes", "alice"),
                Arguments.of("verifyMyAttribute", "VerifyUserAttribute", "alice"),
                Arguments.of("resendMyAttributeVerificationCode", "GetUserAttributeVerificationCode", "alice"),
                Arguments.of("adminUpdateUserAttributes", "AdminUpdateUserAttributes", "admin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void aWriteThatMayHaveReachedCognitoIsNotToBeRetried(String operation, String cognitoOperation, String caller) {
        stub.always(cognitoOperation, Reply.silence());

        GraphQL.executeExample(operation, DemoUsers.accessToken(caller))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].extensions.outcome", equalTo("UNKNOWN"));
        assertEquals(1, stub.calls(cognitoOperation).size(), "sent once, never again");
    }

    @Test
    void aReadThatTimesOutMayBeRetried() {
        stub.always("GetUser", Reply.silence());

        GraphQL.execute("me", token)
                .body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"))
                .body("errors[0].extensions.retryable", equalTo(true))
                .body("errors[0].extensions.outcome", nullValue());
    }

    @Test
    void aSlowReadIsGivenUpAtTheDeadlineAcrossRetries() {
        stub.always("GetUser", Reply.error(500, "InternalErrorException", "Internal").after(Duration.ofMillis(400)));
        long started = System.nanoTime();

        GraphQL.execute("me", token).body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(WIDE_BOUND) < 0, "answered after " + took);
        awaitNoUnansweredCalls();
    }

    @Test
    void aServerErrorPageIsUpstreamUnavailable() {
        stub.always("UpdateUserAttributes", Reply.page(503, "<html><body>Service Unavailable</body></html>"));

        assertOutcomeUnknown(assertUnavailable(updateNickname()));
        assertEquals(1, stub.calls("UpdateUserAttributes").size());
    }

    @Test
    void aFirewallRefusalIsUpstreamUnavailable() {
        stub.always("GetUser", Reply.page(403, "<html><body>Request blocked by WAF</body></html>"));

        assertUnavailable(GraphQL.execute("me", token)).body("errors[0].extensions.retryable", equalTo(true))
                .body("errors[0].extensions.outcome", nullValue());
    }

    @Test
    void anUnparseableAnswerIsUpstreamUnavailable() {
        stub.always("UpdateUserAttributes", Reply.garbage());

        assertOutcomeUnknown(assertUnavailable(updateNickname()));
    }

    @Test
    void aResetConnectionIsUpstreamUnavailable() {
        stub.always("UpdateUserAttributes", Reply.reset());

        assertOutcomeUnknown(assertUnavailable(updateNickname()));
        assertEquals(1, stub.calls("UpdateUserAttributes").size());
    }

    @Test
    void anUnreachableCognitoIsUpstreamUnavailable() {
        stub.refuseConnections();
        try {
            long started = System.nanoTime();

            // Nothing was sent: the write may be sent again.
            assertUnavailable(updateNickname()).body("errors[0].extensions.retryable", equalTo(true))
                    .body("errors[0].extensions.outcome", nullValue());

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(WIDE_BOUND) < 0, "answered after " + took);
        } finally {
            stub.acceptConnections();
        }
    }

    @Test
    void requestsReachCognitoAsSent() {
        Map<String, Object> input = Map.of(
                "userAttributes", List.of(attribute("name", "Alice"), attribute("nickname", null),
                        attribute("custom:department", "")),
                "clientMetadata", List.of(Map.of("key", "source", "value", "profile-page"),
                        Map.of("key", "campaign", "value", "spring")));

        GraphQL.execute("updateMyAttributes", Map.of("input", input), token).body("errors", nullValue());

        var body = stub.calls("UpdateUserAttributes").get(0).body();
        assertEquals(token, body.getString("AccessToken"));
        assertEquals(Map.of("source", "profile-page", "campaign", "spring"), body.getJsonObject("ClientMetadata").getMap());
        assertEquals("[{\"Name\":\"name\",\"Value\":\"Alice\"},{\"Name\":\"nickname\",\"Value\":\"\"},"
                + "{\"Name\":\"custom:department\",\"Value\":\"\"}]", body.getJsonArray("UserAttributes").encode());
    }

    @Test
    void codeDeliveryDetailsComeBack() {
        stub.always("UpdateUserAttributes", Reply.success("{\"CodeDeliveryDetailsList\":[{\"AttributeName\":\"phone_number\","
                + "\"DeliveryMedium\":\"SMS\",\"Destination\":\"+*******1234\"}]}"));

        updateNickname()
                .body("data.updateMyAttributes.codeDeliveryDetailsList[0].attributeName", equalTo("phone_number"))
                .body("data.updateMyAttributes.codeDeliveryDetailsList[0].deliveryMedium", equalTo("SMS"))
                .body("data.updateMyAttributes.codeDeliveryDetailsList[0].destination", equalTo("+*******1234"));
    }

    private ValidatableResponse updateNickname() {
        return GraphQL.updateMyAttributes(token, attribute("nickname", "Al"));
    }

    private static ValidatableResponse assertUnavailable(ValidatableResponse response) {
        return response.statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.cognitoError", nullValue())
                .body("errors[0].message", not(containsString("Exception")));
    }

    /** A write that may have reached Cognito: the client is told so, and not to retry it. */
    private static void assertOutcomeUnknown(ValidatableResponse response) {
        response.body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].extensions.outcome", equalTo("UNKNOWN"));
    }

    /** The gateway gives a call up for good: its connection is closed, nothing is left waiting upstream. */
    private void awaitNoUnansweredCalls() {
        Awaitility.await().atMost(WIDE_BOUND).until(() -> stub.unanswered() == 0);
    }
}
