package dev.attrgateway.error;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.UnknownOperationException;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.validation.ValidationError;
import io.quarkus.logging.Log;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.CompositeException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import dev.attrgateway.cognito.UpstreamFailures;

/**
 * The one place where a failure becomes the contract's error: Cognito faults, upstream trouble,
 * authentication failures, documents that do not parse or validate, and anything unexpected. It decides
 * code, retryable and message; the transport only renders. Messages never quote the document (a literal
 * may hold a code or a value) nor name a Java class.
 */
public final class FaultMapper {

    /** An error code as Cognito's JSON protocol names it, e.g. {@code UserNotFoundException}. */
    private static final Pattern COGNITO_ERROR_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Set<String> RETRYABLE_COGNITO_ERRORS = Set.of("InternalErrorException",
            "TooManyRequestsException");
    private static final String INTERNAL_MESSAGE = "Internal error";

    private FaultMapper() {
    }

    /**
     * The contract's error for a failure of a request; never reveals what is not meant for the client. An
     * unexpected failure is logged here, once, without its messages.
     */
    public static GatewayException toGatewayException(Throwable failure) {
        GatewayException mapped = classify(failure);
        if (mapped.code().equals(ErrorCode.INTERNAL.name())) {
            Log.errorf(Redacted.of(unwrap(failure)), "Unexpected failure");
        }
        return mapped;
    }

    /** The code this failure gets, for a metric or a span; nothing is logged. */
    public static String codeOf(Throwable failure) {
        return classify(failure).code();
    }

    /** Whether a client may retry after this failure: the same answer as the {@code retryable} flag it gets. */
    public static boolean isRetryable(Throwable failure) {
        return classify(failure).retryable();
    }

    /** The contract's error for an error graphql-java or SmallRye GraphQL reports in an execution result. */
    public static GatewayException forGraphQLError(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetchError) {
            return toGatewayException(fetchError.getException());
        }
        if (error instanceof ValidationError validation) {
            return GatewayException.of(ErrorCode.GRAPHQL_VALIDATION_FAILED,
                    "The document is not valid for the schema (" + validation.getValidationErrorType() + ")");
        }
        if (error instanceof UnknownOperationException) {
            return GatewayException.of(ErrorCode.GRAPHQL_VALIDATION_FAILED,
                    "operationName must name one operation of the document (it may be left out when there is one)");
        }
        if (error instanceof AbortExecutionException) {
            // Raised by the bounds on depth, complexity and root fields, in their own words: never document text.
            return GatewayException.of(ErrorCode.GRAPHQL_VALIDATION_FAILED, error.getMessage());
        }
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            return GatewayException.of(ErrorCode.GRAPHQL_PARSE_FAILED, "The document does not parse");
        }
        if (error.getErrorType() == ErrorType.ValidationError) {
            // graphql-java's messages about variables quote their values and name Java classes.
            return GatewayException.of(ErrorCode.GRAPHQL_VALIDATION_FAILED,
                    "The variables do not fit the operation's variable definitions");
        }
        Log.errorf("Unexpected GraphQL error of type %s", error.getErrorType());
        return GatewayException.of(ErrorCode.INTERNAL, INTERNAL_MESSAGE);
    }

    /** A document that does not parse, or that the parser's limits cut short; its text is never quoted. */
    public static GatewayException forSyntaxError(InvalidSyntaxException syntaxError) {
        String message;
        if (syntaxError instanceof ParseCancelledTooManyCharsException) {
            message = "The document is longer than the gateway accepts";
        } else if (syntaxError instanceof ParseCancelledTooDeepException) {
            message = "The document is nested deeper than the gateway accepts";
        } else if (syntaxError instanceof ParseCancelledException) {
            message = "The document has more tokens than the gateway accepts";
        } else {
            message = "The document does not parse";
        }
        return GatewayException.of(ErrorCode.GRAPHQL_PARSE_FAILED, message);
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

    private static GatewayException classify(Throwable failure) {
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
        return GatewayException.of(ErrorCode.INTERNAL, INTERNAL_MESSAGE);
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
