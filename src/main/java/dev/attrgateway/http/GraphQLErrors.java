package dev.attrgateway.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.FaultMapper;
import dev.attrgateway.error.GatewayException;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.quarkus.logging.Log;

/**
 * Renders GraphQL errors as the contract describes them: every error with {@code extensions.code} and
 * {@code extensions.retryable}; a resolver's failure through {@link FaultMapper}, so that nothing but
 * the contract's keys and safe messages ever reaches the client.
 */
final class GraphQLErrors {

    /**
     * graphql-java quotes literals of the document in some messages (a wrongly typed argument, an
     * offending token); a literal may be an attribute value or a code. What follows a quoted literal is
     * graphql-java's own text, which quotes only names, so everything up to the last such text goes.
     */
    private static final List<Pattern> QUOTED_LITERALS = List.of(
            Pattern.compile("(?s)with value '.*' (is not a valid|is missing required fields|contains a field not in|must)"),
            Pattern.compile("(?s)(offending token|Offending token:) '.*' (at line)"));
    private static final String INTERNAL_MESSAGE = "Internal error";

    private GraphQLErrors() {
    }

    static JsonArray render(List<GraphQLError> errors) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        errors.forEach(error -> array.add(render(error)));
        return array.build();
    }

    static JsonObject render(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetchError) {
            GatewayException failure = FaultMapper.toGatewayException(fetchError.getException());
            return render(failure.getMessage(), error, failure.extensions());
        }
        ErrorCode code = codeOf(error.getErrorType());
        JsonObject extensions = Json.createObjectBuilder().add("code", code.name()).add("retryable", code.retryable())
                .build();
        if (code == ErrorCode.INTERNAL) {
            Log.errorf("Unexpected GraphQL error of type %s", error.getErrorType());
            return render(INTERNAL_MESSAGE, error, extensions);
        }
        return render(withoutLiterals(String.valueOf(error.getMessage())), error, extensions);
    }

    static String withoutLiterals(String message) {
        String safe = message;
        for (Pattern literal : QUOTED_LITERALS) {
            safe = literal.matcher(safe).replaceAll(match -> Matcher.quoteReplacement(
                    match.group(1) + (match.groupCount() > 1 ? " " + match.group(2) : "")));
        }
        // Whatever form is not known above: an AST dump of a value never goes out.
        return safe.contains("Value{") ? "The document is not valid for the schema" : safe;
    }

    /** An error raised before execution, about the HTTP request itself. */
    static JsonObject requestError(ErrorCode code, String message) {
        return Json.createObjectBuilder().add("message", message)
                .add("extensions", Json.createObjectBuilder().add("code", code.name()).add("retryable", code.retryable()))
                .build();
    }

    private static ErrorCode codeOf(ErrorClassification classification) {
        if (classification == ErrorType.InvalidSyntax) {
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (classification == ErrorType.ValidationError || classification == ErrorType.ExecutionAborted) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        return ErrorCode.INTERNAL;
    }

    private static JsonObject render(String message, GraphQLError error, JsonObject extensions) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("message", message);
        List<SourceLocation> locations = error.getLocations();
        if (locations != null && !locations.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            locations.forEach(l -> array.add(Json.createObjectBuilder().add("line", l.getLine()).add("column", l.getColumn())));
            json.add("locations", array);
        }
        List<Object> path = error.getPath();
        if (path != null && !path.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            path.forEach(segment -> {
                if (segment instanceof Integer index) {
                    array.add(index);
                } else {
                    array.add(String.valueOf(segment));
                }
            });
            json.add("path", array);
        }
        return json.add("extensions", extensions).build();
    }
}
