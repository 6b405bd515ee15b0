package dev.attrgateway.cognito;

import dev.attrgateway.error.UpstreamFailures;

/**
 * Which failed Cognito calls may be sent again. A read may always be repeated after a transient
 * fault. A write may change state or send a verification code, so it is repeated only when Cognito
 * surely did not act on it: the connection was never made, or Cognito refused it for throttling.
 */
enum RetryPolicy {
    READ,
    WRITE;

    boolean allowsRetry(Throwable failure) {
        if (UpstreamFailures.isTimeout(failure)) {
            return false;
        }
        if (UpstreamFailures.isConnectionRefused(failure) || UpstreamFailures.isThrottled(failure)) {
            return true;
        }
        return this == READ && UpstreamFailures.isTransient(failure);
    }
}
