package dev.attrgateway.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.error.GatewayException;
import io.netty.channel.ConnectTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

/** Reads are repeated exactly when a client is told it may retry, timeouts aside; writes only when never acted on. */
class RetryPolicyTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                // failure, may a read be repeated, may a write be repeated
                Arguments.of("refused connection", SdkClientException.create("refused", new ConnectException("refused")),
                        true, true),
                Arguments.of("throttling", error(TooManyRequestsException.builder(), "TooManyRequestsException", 400),
                        true, true),
                Arguments.of("internal error", error(InternalErrorException.builder(), "InternalErrorException", 500),
                        true, false),
                Arguments.of("5xx page", error(CognitoIdentityProviderException.builder(), null, 503), true, false),
                Arguments.of("a firewall's page", error(CognitoIdentityProviderException.builder(), null, 403),
                        true, false),
                Arguments.of("reset or garbage", SdkClientException.create("Connection reset"), true, false),
                Arguments.of("client error", error(InvalidParameterException.builder(), "InvalidParameterException", 400),
                        false, false),
                Arguments.of("our deadline", new io.smallrye.mutiny.TimeoutException(), false, false),
                Arguments.of("the SDK's deadline", ApiCallTimeoutException.create(5000), false, false),
                Arguments.of("connect timeout", SdkClientException.create("connect",
                        new ConnectTimeoutException("connection timed out")), false, false),
                Arguments.of("a bug of ours", new IllegalStateException(), false, false),
                Arguments.of("the quota guard's refusal", GatewayException.rateLimited("spent", Duration.ofSeconds(1)),
                        false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void onlyWhatIsSafeToRepeatIsRepeated(String description, Throwable failure, boolean read, boolean write) {
        GatewayException classified = CognitoFaults.classify(failure, true);
        assertEquals(read, RetryPolicy.READ.allowsRetry(classified), "read after " + description);
        assertEquals(write, RetryPolicy.WRITE.allowsRetry(classified), "write after " + description);
    }

    private static Throwable error(CognitoIdentityProviderException.Builder builder, String code, int status) {
        return builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build()).build();
    }
}
