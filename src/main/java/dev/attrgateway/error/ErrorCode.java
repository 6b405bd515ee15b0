package dev.attrgateway.error;

/**
 * The gateway's own error codes and whether a client may retry them; Cognito's faults get codes derived
 * from their names (see {@code dev.attrgateway.cognito.CognitoFaults}).
 */
public enum ErrorCode {
    UNAUTHENTICATED(false),
    FORBIDDEN(false),
    BAD_USER_INPUT(false),
    UPSTREAM_TIMEOUT(true),
    UPSTREAM_UNAVAILABLE(true),
    /** The quota guard refused the call before it reached Cognito; {@code retryAfterMs} says when to try again. */
    RATE_LIMITED(true),
    INTERNAL(false),
    /** The HTTP request itself is malformed (not JSON, not UTF-8, no query, bad variables); answered 4xx. */
    BAD_REQUEST(false),
    /** The GraphQL document does not parse, or is longer than the parser accepts. */
    GRAPHQL_PARSE_FAILED(false),
    /** The document does not validate, its variables do not fit, or it is too deep, complex or wide. */
    GRAPHQL_VALIDATION_FAILED(false),
    /** A persisted query's hash the gateway does not know (yet): the client sends the query with it (Apollo's APQ). */
    PERSISTED_QUERY_NOT_FOUND(false),
    /** Trusted documents are on ({@code gateway.documents.trusted=true}) and the document is not on the list. */
    PERSISTED_QUERY_NOT_IN_LIST(false),
    /**
     * Cognito's own code for AliasExistsException, raised by the gateway itself before Cognito is called when another
     * user signs in with the address an administrator wants to mark verified ({@code conflict: true}).
     */
    ALIAS_EXISTS(false);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
