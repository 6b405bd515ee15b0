package dev.attrgateway.cognito;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException.Effect;
import dev.attrgateway.error.GatewayException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What a failed Cognito call is to the client: the one mapping of the SDK's failures to the contract's errors, at
 * the boundary of {@link CognitoCalls}, which fails with nothing else. A Cognito fault keeps Cognito's message, name
 * and request id; anything that is not Cognito speaking (a proxy's page, a firewall, garbage) is
 * {@code UPSTREAM_UNAVAILABLE}; the deadline is {@code UPSTREAM_TIMEOUT}.
 */
public final class CognitoFaults {

    /** An error code as Cognito's JSON protocol names it, e.g. {@code UserNotFoundException}. */
    private static final Pattern COGNITO_ERROR_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final String INTERNAL_ERROR = "InternalErrorException";
    private static final Set<String> RETRYABLE_COGNITO_ERRORS = Set.of(INTERNAL_ERROR, "TooManyRequestsException");

    private CognitoFaults() {
    }

    /**
     * The contract's error for a failed call, with whether the request may have been carried out all the same; the
     * gateway's own refusals (the quota guard's) stay what they are.
     *
     * @param sent whether the request left the gateway: until then, nothing can have happened at Cognito
     */
    static GatewayException classify(Throwable failure, boolean sent) {
        Throwable cause = GatewayException.unwrap(failure);
        if (cause instanceof GatewayException gatewayException) {
            return gatewayException;
        }
        if (UpstreamFailures.isTimeout(cause)) {
            GatewayException timeout = GatewayException.of(ErrorCode.UPSTREAM_TIMEOUT, "Cognito did not answer in time");
            return sent ? timeout.withEffect(Effect.UNKNOWN) : timeout;
        }
        if (cause instanceof AwsServiceException serviceException) {
            return fromService(serviceException);
        }
        if (cause instanceof SdkClientException) {
            GatewayException unreachable = GatewayException.of(ErrorCode.UPSTREAM_UNAVAILABLE, "Cognito is not reachable");
            // A refused connection carried nothing; a connection that dropped may have carried the request.
            return UpstreamFailures.isConnectionRefused(cause) ? unreachable : unreachable.withEffect(Effect.UNKNOWN);
        }
        return GatewayException.from(cause);
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
            // Not Cognito speaking: a proxy, a load balancer, a WAF or a broken answer, which says nothing of Cognito.
            return unexpectedAnswer().withEffect(Effect.UNKNOWN);
        }
        String message = exception.awsErrorDetails().errorMessage();
        GatewayException fault = GatewayException.cognito(codeFor(name), message == null || message.isBlank() ? name
                : message, RETRYABLE_COGNITO_ERRORS.contains(name), name, exception.requestId());
        // Cognito refused the request for what it is, or for its rate; an internal error of its own may come after it acted.
        return name.equals(INTERNAL_ERROR) ? fault.withEffect(Effect.UNKNOWN) : fault;
    }
}
