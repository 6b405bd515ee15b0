package dev.attrgateway.cognito;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.support.DocumentedFaults.Fault;
import dev.attrgateway.support.DocumentedFaults;
import io.smallrye.mutiny.CompositeException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/** Pins down how {@link CognitoFaults} turns the failures of Cognito calls into the contract's errors. */
class CognitoFaultsTest {

    private static final String REQUEST_ID = "req-123";

    // ---- 1. Cognito's documented exceptions -------------------------------------------------------------------

    static Stream<Fault> cognitoExceptions() {
        return DocumentedFaults.DOCUMENTED.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cognitoExceptions")
    void cognitoExceptionsMapToTheContractsCodes(Fault expected) {
        AwsServiceException fault = cognitoFault(expected.sdkBuilder(), expected.name(), expected.status(),
                expected.message());
        assertEquals(expected.name(), fault.getClass().getSimpleName(), "the test builds the SDK's own exception class");

        GatewayException mapped = CognitoFaults.classify(fault, true);

        assertAll(
                () -> assertEquals(expected.code(), mapped.code(), "code"),
                () -> assertEquals(expected.retryable(), mapped.retryable(), "retryable"),
                () -> assertEquals(Optional.of(expected.name()), mapped.cognitoError(), "cognitoError"),
                () -> assertEquals(Optional.of(REQUEST_ID), mapped.requestId(), "requestId"),
                () -> assertEquals(expected.message(), mapped.getMessage(), "message is Cognito's own"),
                () -> assertFalse(mapped.getMessage().contains(expected.name()), "message must not contain the class name"));
    }

    // ---- 2. The generic naming rule ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "LimitExceededException,      LIMIT_EXCEEDED",
            "MFAMethodNotFoundException,  MFA_METHOD_NOT_FOUND",
    })
    void anyOtherCognitoExceptionIsNamedInUpperSnakeWithoutTheSuffix(String name, String expectedCode) {
        AwsServiceException fault = cognitoFault(CognitoIdentityProviderException.builder(), name, 400,
                "Something Cognito said.");

        GatewayException mapped = CognitoFaults.classify(fault, true);

        assertAll(
                () -> assertEquals(expectedCode, mapped.code(), "code"),
                () -> assertEquals(Optional.of(name), mapped.cognitoError(), "cognitoError"),
                () -> assertEquals(Optional.of(REQUEST_ID), mapped.requestId(), "requestId"),
                () -> assertEquals("Something Cognito said.", mapped.getMessage(), "message"));
    }

    @ParameterizedTest(name = "codeFor({0}) = {1}")
    @CsvSource({
            "AliasExistsException,               ALIAS_EXISTS",
            "LimitExceededException,             LIMIT_EXCEEDED",
            "UsernameExistsException,            USERNAME_EXISTS",
            "MFAMethodNotFoundException,         MFA_METHOD_NOT_FOUND",
            "SoftwareTokenMFANotFoundException,  SOFTWARE_TOKEN_MFA_NOT_FOUND",
            "UserPoolAddOnNotEnabledException,   USER_POOL_ADD_ON_NOT_ENABLED",
            "TooManyFailedAttemptsException,     TOO_MANY_FAILED_ATTEMPTS",
    })
    void codeForDerivesTheCodeFromTheExceptionName(String name, String expectedCode) {
        assertEquals(expectedCode, CognitoFaults.codeFor(name));
    }

    // ---- 3. The gateway's own codes -----------------------------------------------------------------------------

    static Stream<Arguments> timeouts() {
        return Stream.of(
                Arguments.of("Mutiny TimeoutException", new io.smallrye.mutiny.TimeoutException()),
                Arguments.of("SDK ApiCallTimeoutException", ApiCallTimeoutException.create(5_000L)),
                Arguments.of("SdkClientException caused by a TimeoutException",
                        SdkClientException.create("Unable to execute HTTP request",
                                new java.util.concurrent.TimeoutException("read timed out"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timeouts")
    void timeoutsMapToUpstreamTimeout(String description, Throwable failure) {
        GatewayException mapped = CognitoFaults.classify(failure, true);

        assertAll(
                () -> assertEquals("UPSTREAM_TIMEOUT", mapped.code(), "code"),
                () -> assertTrue(mapped.retryable(), "retryable"),
                () -> assertEquals(Optional.empty(), mapped.cognitoError(), "cognitoError"));
    }

    @Test
    void aRefusedConnectionMapsToUpstreamUnavailable() {
        GatewayException mapped = CognitoFaults.classify(
                SdkClientException.create("Unable to execute HTTP request", new ConnectException("Connection refused")),
                true);

        assertAll(
                () -> assertEquals("UPSTREAM_UNAVAILABLE", mapped.code(), "code"),
                () -> assertTrue(mapped.retryable(), "retryable"),
                () -> assertEquals(Optional.empty(), mapped.cognitoError(), "cognitoError"));
    }

    @Test
    void aServiceAnswerWithoutAnErrorCodeMapsToUpstreamUnavailable() {
        AwsServiceException fault = CognitoIdentityProviderException.builder()
                .message("<html><body><h1>502 Bad Gateway</h1></body></html>")
                .statusCode(502)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(null)
                        .errorMessage("<html><body><h1>502 Bad Gateway</h1></body></html>")
                        .serviceName("CognitoIdentityProvider")
                        .build())
                .build();

        GatewayException mapped = CognitoFaults.classify(fault, true);

        assertAll(
                () -> assertEquals("UPSTREAM_UNAVAILABLE", mapped.code(), "code"),
                () -> assertTrue(mapped.retryable(), "retryable"),
                () -> assertEquals(Optional.empty(), mapped.cognitoError(), "cognitoError"));
    }

    @Test
    void aGatewayExceptionPassesThroughUnchanged() {
        GatewayException original = GatewayException.of(ErrorCode.FORBIDDEN, "Not allowed");

        assertSame(original, CognitoFaults.classify(original, true));
    }

    @Test
    void anUnexpectedFailureMapsToInternalWithoutRevealingItsDetails() {
        GatewayException mapped = CognitoFaults.classify(new NullPointerException("secret-value-123"), true);

        assertAll(
                () -> assertEquals("INTERNAL", mapped.code(), "code"),
                () -> assertFalse(mapped.retryable(), "retryable"),
                () -> assertNotNull(mapped.getMessage(), "message"),
                () -> assertFalse(mapped.getMessage().contains("NullPointerException"), "message reveals the class"),
                () -> assertFalse(mapped.getMessage().contains("secret-value-123"), "message reveals the secret"));
    }

    // ---- 4. Unwrapping ------------------------------------------------------------------------------------------

    static Stream<Arguments> wrappedAliasExists() {
        return Stream.of(
                Arguments.of("CompletionException", new CompletionException(aliasExists())),
                Arguments.of("ExecutionException", new ExecutionException(aliasExists())),
                Arguments.of("CompositeException",
                        new CompositeException(aliasExists(), new IllegalStateException("second failure"))));
    }

    @ParameterizedTest(name = "wrapped in {0}")
    @MethodSource("wrappedAliasExists")
    void wrappedCognitoFaultsAreUnwrapped(String wrapper, Throwable failure) {
        GatewayException mapped = CognitoFaults.classify(failure, true);

        assertAll(
                () -> assertEquals("ALIAS_EXISTS", mapped.code(), "code"),
                () -> assertEquals(Optional.of("AliasExistsException"), mapped.cognitoError(), "cognitoError"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Builds the exception as the SDK does from a wire error. */
    private static AwsServiceException cognitoFault(AwsServiceException.Builder builder, String name, int status,
            String message) {
        return builder.message(message)
                .statusCode(status)
                .requestId(REQUEST_ID)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(name)
                        .errorMessage(message)
                        .serviceName("CognitoIdentityProvider")
                        .build())
                .build();
    }

    private static AwsServiceException aliasExists() {
        return cognitoFault(AliasExistsException.builder(), "AliasExistsException", 400,
                "An account with the given email already exists.");
    }
}
