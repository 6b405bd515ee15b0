package dev.attrgateway.execution;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.UnknownOperationException;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorClassification;
import graphql.validation.ValidationErrorType;
import io.quarkus.logging.Log;

/**
 * What the errors of an execution are to the client: the one mapping of graphql-java's and SmallRye's errors to the
 * contract's. A resolver's failure is already the contract's error (or becomes {@code INTERNAL}); documents that do
 * not parse or validate get the gateway's own words, never a quote of the document (a literal may hold a code or a
 * value) nor a Java class name.
 */
public final class ExecutionErrors {

    /**
     * The validation errors whose graphql-java descriptions name only fields, types, arguments, variables, fragments,
     * operations and directives: these are said as they are. The others (a literal of the wrong type, a bad default)
     * quote the value written, and are said by their type and path alone.
     */
    private static final Set<ValidationErrorClassification> NAMING_ONLY = Set.copyOf(EnumSet.of(
            ValidationErrorType.FieldUndefined, ValidationErrorType.UnknownType, ValidationErrorType.UnknownArgument,
            ValidationErrorType.MissingFieldArgument, ValidationErrorType.MissingDirectiveArgument,
            ValidationErrorType.NullValueForNonNullArgument, ValidationErrorType.SubselectionRequired,
            ValidationErrorType.SubselectionNotAllowed, ValidationErrorType.UndefinedFragment,
            ValidationErrorType.UnusedFragment, ValidationErrorType.UndefinedVariable, ValidationErrorType.UnusedVariable,
            ValidationErrorType.VariableTypeMismatch, ValidationErrorType.NonInputTypeOnVariable,
            ValidationErrorType.UnknownDirective, ValidationErrorType.MisplacedDirective,
            ValidationErrorType.FieldsConflict, ValidationErrorType.InvalidFragmentType,
            ValidationErrorType.LoneAnonymousOperationViolation, ValidationErrorType.DuplicateOperationName,
            ValidationErrorType.DuplicateFragmentName, ValidationErrorType.DuplicateArgumentNames,
            ValidationErrorType.DuplicateVariableName, ValidationErrorType.DuplicateDirectiveName,
            ValidationErrorType.UniqueObjectFieldName, ValidationErrorType.FragmentCycle));
    /** graphql-java's "Validation error (Type@[path]) : " before the description proper. */
    private static final Pattern DESCRIPTION_PREFIX = Pattern.compile("^Validation [Ee]rror \\([^)]*\\) ?: ");

    private ExecutionErrors() {
    }

    /** An error of the execution's result, with where it happened. */
    public record Located(GatewayException error, List<SourceLocation> locations, List<Object> path) {
    }

    /**
     * The errors of a result. SmallRye answers a document that does not parse with one error of its own that says
     * neither why nor where: only then is the document parsed again, to say both.
     */
    public static List<Located> of(List<GraphQLError> errors, boolean executed, String document) {
        if (!executed && isSmallRyesUnparseableAnswer(errors)) {
            try {
                new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(document)
                        .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
            } catch (InvalidSyntaxException e) {
                return List.of(new Located(forSyntaxError(e), e.getLocation() == null ? List.of()
                        : List.of(e.getLocation()), List.of()));
            }
        }
        return errors.stream().map(error -> new Located(of(error), error.getLocations(), error.getPath())).toList();
    }

    static GatewayException of(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetchError) {
            return GatewayException.from(fetchError.getException());
        }
        if (error instanceof ValidationError validation) {
            return GatewayException.of(ErrorCode.GRAPHQL_VALIDATION_FAILED, describe(validation));
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
        return GatewayException.internal();
    }

    private static String describe(ValidationError validation) {
        List<String> path = validation.getQueryPath();
        String where = path == null || path.isEmpty() ? "" : " (at " + String.join("/", path) + ")";
        if (NAMING_ONLY.contains(validation.getValidationErrorType()) && validation.getDescription() != null) {
            return "The document is not valid for the schema: "
                    + DESCRIPTION_PREFIX.matcher(validation.getDescription()).replaceFirst("") + where;
        }
        return "The document is not valid for the schema (" + validation.getValidationErrorType() + ")" + where;
    }

    /** A document that does not parse, or that the parser's limits cut short; its text is never quoted. */
    static GatewayException forSyntaxError(InvalidSyntaxException syntaxError) {
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

    private static boolean isSmallRyesUnparseableAnswer(List<GraphQLError> errors) {
        return errors.size() == 1 && errors.get(0).getErrorType() == ErrorType.DataFetchingException
                && !(errors.get(0) instanceof ExceptionWhileDataFetching);
    }
}
