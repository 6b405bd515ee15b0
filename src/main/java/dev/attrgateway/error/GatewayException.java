package dev.attrgateway.error;

import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A failure as the contract describes it to the client: a stable {@code code}, whether a retry may help,
 * and for Cognito faults the exception name and request id. The message is safe to show.
 */
public final class GatewayException extends RuntimeException {

    private final String code;
    private final boolean retryable;
    private final String cognitoError;
    private final String requestId;
    private final List<Violation> violations;

    private GatewayException(String code, String message, boolean retryable, String cognitoError, String requestId,
            List<Violation> violations) {
        // No stack trace: it is never shown, and filling it in costs on every refused request.
        super(message, null, false, false);
        this.code = code;
        this.retryable = retryable;
        this.cognitoError = cognitoError;
        this.requestId = requestId;
        this.violations = List.copyOf(violations);
    }

    public static GatewayException of(ErrorCode code, String message) {
        return new GatewayException(code.name(), message, code.retryable(), null, null, List.of());
    }

    public static GatewayException badUserInput(List<Violation> violations) {
        String message = violations.size() == 1
                ? "Invalid input: " + violations.get(0).field() + " " + violations.get(0).message()
                : "Invalid input: " + violations.size() + " violations, see extensions.violations";
        return new GatewayException(ErrorCode.BAD_USER_INPUT.name(), message, false, null, null, violations);
    }

    /** A fault Cognito reported; {@code code} follows the contract's naming rule. */
    public static GatewayException cognito(String code, String message, boolean retryable, String cognitoError,
            String requestId) {
        return new GatewayException(code, message, retryable, cognitoError, requestId, List.of());
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<String> cognitoError() {
        return Optional.ofNullable(cognitoError);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The GraphQL error's {@code extensions}, as the contract names them. */
    public JsonObject extensions() {
        JsonObjectBuilder extensions = Json.createObjectBuilder().add("code", code).add("retryable", retryable);
        cognitoError().ifPresent(name -> extensions.add("cognitoError", name));
        requestId().ifPresent(id -> extensions.add("requestId", id));
        if (!violations.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            violations.forEach(v -> array.add(Json.createObjectBuilder().add("field", v.field()).add("message", v.message())));
            extensions.add("violations", array);
        }
        return extensions.build();
    }
}
