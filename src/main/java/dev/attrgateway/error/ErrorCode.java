package dev.attrgateway.error;

/** The gateway's own error codes; Cognito's faults get codes derived from their names (see {@link FaultMapper}). */
public enum ErrorCode {
    UNAUTHENTICATED(false),
    FORBIDDEN(false),
    BAD_USER_INPUT(false),
    UPSTREAM_TIMEOUT(true),
    UPSTREAM_UNAVAILABLE(true),
    INTERNAL(false);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
