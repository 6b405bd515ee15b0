package dev.attrgateway.cognito;

import dev.attrgateway.error.FaultMapper;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.cognito.UpstreamFailures;

/**
 * Which failed Cognito calls the gateway sends again, within the call's deadline. A read is repeated
 * after any fault a client could retry too ({@link FaultMapper#isRetryable}), except a timeout: the
 * deadline is gone. A write may change state or send a verification code, so it is repeated only when
 * Cognito surely did not act on it: the connection was never made, or Cognito refused it for throttling.
 * The gateway's own refusals (the quota guard's) are final: the guard already waited what it may.
 */
enum RetryPolicy {
    READ,
    WRITE;

    boolean allowsRetry(Throwable failure) {
        if (failure instanceof GatewayException || UpstreamFailures.isTimeout(failure)) {
            return false;
        }
        if (UpstreamFailures.isConnectionRefused(failure) || UpstreamFailures.isThrottled(failure)) {
            return true;
        }
        return this == READ && FaultMapper.isRetryable(failure);
    }
}
