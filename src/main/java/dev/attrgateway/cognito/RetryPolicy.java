package dev.attrgateway.cognito;

import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException.Effect;
import dev.attrgateway.error.GatewayException;

/**
 * Which failed Cognito calls the gateway sends again, within the call's deadline, from what the failure is
 * ({@link CognitoFaults}). A read is repeated after any fault a client is told it may retry, except a timeout: the
 * deadline is gone. A write may change state or send a verification code, so it is repeated only when a retry may
 * help and nothing can have happened: the connection was refused, or Cognito refused the call for its rate. The
 * gateway's own refusals (the quota guard's) are final: the guard already waited what it may.
 */
enum RetryPolicy {
    READ,
    WRITE;

    boolean allowsRetry(GatewayException failure) {
        if (!failure.retryable() || failure.code().equals(ErrorCode.RATE_LIMITED.name())) {
            return false;
        }
        return this == READ ? !failure.code().equals(ErrorCode.UPSTREAM_TIMEOUT.name()) : failure.effect() == Effect.NONE;
    }
}
