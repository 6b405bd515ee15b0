package dev.attrgateway.error;

/** The gateway's own error codes; Cognito's faults get codes derived from their names (see {@link FaultMapper}). */
public enum ErrorCode {
    UNAUTHENTICATED(false),
    FORBIDDEN(false),
    BAD_USER_INPUT(false),
    UPSTREAM_TIMEOUT(true),
    UPSTREAM_UNAVAILABLE(true),
    INTERNAL(false),
    /** The HTTP request itself is malformed (not JSON, no query, bad variables); answered 4xx. */
    BAD_REQUEST(false),
    /** The GraphQL document does not parse. */
    GRAPHQL_PARSE_FAILED(false),
    /** The document does not validate against the schema, its variables do not fit, or it is too deep. */
    GRAPHQL_VALIDATION_FAILED(false);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
