package dev.attrgateway.cognito;

import java.net.ConnectException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Which failed Cognito calls may be sent again. A read may always be repeated after a transient
 * fault. A write may change state or send a verification code, so it is repeated only when Cognito
 * surely did not act on it: the connection was never made, or Cognito refused it for throttling.
 */
enum RetryPolicy {
    READ,
    WRITE;

    boolean allowsRetry(Throwable failure) {
        if (neverReachedCognito(failure) || isThrottled(failure)) {
            return true;
        }
        return this == READ && isTransient(failure);
    }

    private static boolean neverReachedCognito(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isThrottled(Throwable failure) {
        return failure instanceof AwsServiceException service && service.isThrottlingException();
    }

    private static boolean isTransient(Throwable failure) {
        return failure instanceof SdkClientException
                || failure instanceof AwsServiceException service && service.statusCode() >= 500;
    }
}
