package dev.attrgateway.cognito;

import java.net.ConnectException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/** Named predicates over the ways a Cognito call fails, for the fault mapping and the retry policy. */
public final class UpstreamFailures {

    private UpstreamFailures() {
    }

    /** The deadline passed: the gateway's own, the SDK's, or one of the Netty client's timeouts. */
    public static boolean isTimeout(Throwable failure) {
        if (failure instanceof io.smallrye.mutiny.TimeoutException || failure instanceof ApiCallTimeoutException
                || failure instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        return causes(failure, cause -> cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof io.netty.channel.ConnectTimeoutException
                || cause.getClass().getName().startsWith("io.netty.handler.timeout."));
    }

    /** The connection was refused: the request never left, so Cognito cannot have acted on it. */
    public static boolean isConnectionRefused(Throwable failure) {
        return causes(failure, cause -> cause instanceof ConnectException);
    }

    /** Cognito refused the call for its rate: it did not act on it. */
    public static boolean isThrottled(Throwable failure) {
        return failure instanceof AwsServiceException service && service.isThrottlingException();
    }

    private static boolean causes(Throwable failure, java.util.function.Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
