package dev.attrgateway.error;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import io.quarkus.logging.Log;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.CompositeException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one place where a failure becomes the contract's error: Cognito faults, upstream trouble,
 * authentication failures and anything unexpected.
 */
public final class FaultMapper {

    /** An error code as Cognito's JSON protocol names it, e.g. {@code UserNotFoundException}. */
    private static final Pattern COGNITO_ERROR_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Set<String> RETRYABLE_COGNITO_ERRORS = Set.of("InternalErrorException",
            "TooManyRequestsException");

    private FaultMapper() {
    }

    /** The contract's error for any failure of a request; never reveals what is not meant for the client. */
    public static GatewayException toGatewayException(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof GatewayException gatewayException) {
            return gatewayException;
        }
        if (cause instanceof AuthenticationFailedException) {
            return GatewayException.of(ErrorCode.UNAUTHENTICATED, "The access token is invalid or expired");
        }
        if (UpstreamFailures.isTimeout(cause)) {
            return GatewayException.of(ErrorCode.UPSTREAM_TIMEOUT, "Cognito did not answer in time");
        }
        if (cause instanceof AwsServiceException serviceException) {
            return fromService(serviceException);
        }
        if (cause instanceof SdkClientException) {
            return GatewayException.of(ErrorCode.UPSTREAM_UNAVAILABLE, "Cognito is not reachable");
        }
        if (cause instanceof OIDCException) {
            // The issuer's keys could not be fetched: the pool is as unreachable as Cognito itself.
            return GatewayException.of(ErrorCode.UPSTREAM_UNAVAILABLE, "The token issuer is not reachable");
        }
        Log.errorf(Redacted.of(cause), "Unexpected failure");
        return GatewayException.of(ErrorCode.INTERNAL, "Internal error");
    }

    /** Cognito answered, but with something that is not a Cognito answer or error. */
    public static GatewayException unexpectedAnswer() {
        return GatewayException.of(ErrorCode.UPSTREAM_UNAVAILABLE, "Cognito answered with an unexpected response");
    }

    /** The contract's code for a Cognito exception name: {@code AliasExistsException} gives {@code ALIAS_EXISTS}. */
    public static String codeFor(String cognitoError) {
        String name = cognitoError.endsWith("Exception")
                ? cognitoError.substring(0, cognitoError.length() - "Exception".length())
                : cognitoError;
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .toUpperCase(Locale.ROOT);
    }

    private static GatewayException fromService(AwsServiceException exception) {
        String name = exception.awsErrorDetails() == null ? null : exception.awsErrorDetails().errorCode();
        if (name == null || !COGNITO_ERROR_NAME.matcher(name).matches()) {
            // Not Cognito speaking: a proxy, a load balancer, a WAF or a broken answer.
            return unexpectedAnswer();
        }
        String message = exception.awsErrorDetails().errorMessage();
        return GatewayException.cognito(codeFor(name), message == null || message.isBlank() ? name : message,
                RETRYABLE_COGNITO_ERRORS.contains(name), name, exception.requestId());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (true) {
            if ((current instanceof CompletionException || current instanceof ExecutionException)
                    && current.getCause() != null) {
                current = current.getCause();
            } else if (current instanceof CompositeException composite) {
                current = composite.getCauses().get(0);
            } else {
                return current;
            }
        }
    }
}
