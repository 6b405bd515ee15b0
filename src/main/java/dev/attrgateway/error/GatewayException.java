package dev.attrgateway.error;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.CompositeException;

/**
 * A failure as the contract describes it to the client: a stable {@code code}, whether a retry may help,
 * for Cognito faults the exception name and request id, and for refusals of the quota guard when to try
 * again. The message is safe to show.
 */
public final class GatewayException extends RuntimeException {

    /** Looked up once: {@code Json.create...} looks the provider up on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();
    /** What the client learns of a failure the gateway did not expect: nothing. */
    private static final String INTERNAL_MESSAGE = "Internal error";

    private final String code;
    private final boolean retryable;
    private final String cognitoError;
    private final String requestId;
    private final List<Violation> violations;
    private final Duration retryAfter;
    private final Effect effect;
    private final boolean outcomeUnknown;
    private final boolean conflict;

    /** Whether the failed request may have changed something all the same: what may safely be sent again. */
    public enum Effect {
        /** Nothing changed: the request was refused before it was sent, or refused by Cognito for what it is. */
        NONE,
        /** The request may have been carried out: it was sent, and no answer says whether (a timeout, a dropped connection). */
        UNKNOWN
    }

    private GatewayException(String code, String message, boolean retryable, String cognitoError, String requestId,
            List<Violation> violations, Duration retryAfter, Effect effect, boolean outcomeUnknown, boolean conflict) {
        // No stack trace: it is never shown, and filling it in costs on every refused request.
        super(message, null, false, false);
        this.code = code;
        this.retryable = retryable;
        this.cognitoError = cognitoError;
        this.requestId = requestId;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
        this.effect = effect;
        this.outcomeUnknown = outcomeUnknown;
        this.conflict = conflict;
    }

    /**
     * The contract's error for any failure: itself when the failure is one (as every failure of the gateway's own
     * boundaries is: Cognito calls, tokens, input, the quota guard), else {@code INTERNAL}, logged here once without
     * its messages. Unwraps what asynchronous steps wrap around a failure.
     */
    public static GatewayException from(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof GatewayException gatewayException) {
            return gatewayException;
        }
        Log.errorf(Redacted.of(cause), "Unexpected failure");
        return internal();
    }

    /** {@code INTERNAL}, which tells the client nothing; whoever found the failure has logged it. */
    public static GatewayException internal() {
        return of(ErrorCode.INTERNAL, INTERNAL_MESSAGE);
    }

    /** The failure inside the wrappers of futures and Mutiny's combined failures. */
    public static Throwable unwrap(Throwable failure) {
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

    public static GatewayException of(ErrorCode code, String message) {
        return new GatewayException(code.name(), message, code.retryable(), null, null, List.of(), null, Effect.NONE,
                false, false);
    }

    /** The quota guard refused a call: it was not sent, and may be tried again after {@code retryAfter}. */
    public static GatewayException rateLimited(String message, Duration retryAfter) {
        return new GatewayException(ErrorCode.RATE_LIMITED.name(), message, true, null, null, List.of(), retryAfter,
                Effect.NONE, false, false);
    }

    public static GatewayException badUserInput(List<Violation> violations) {
        String message = violations.size() == 1
                ? "Invalid input: " + violations.get(0).field() + " " + violations.get(0).message()
                : "Invalid input: " + violations.size() + " violations, see extensions.violations";
        return new GatewayException(ErrorCode.BAD_USER_INPUT.name(), message, false, null, null, violations, null,
                Effect.NONE, false, false);
    }

    /**
     * The gateway's own check found the value taken ({@code ALIAS_EXISTS}, {@code conflict: true}); the message never
     * names who holds it.
     */
    public static GatewayException conflict(ErrorCode code, String message) {
        return new GatewayException(code.name(), message, code.retryable(), null, null, List.of(), null, Effect.NONE,
                false, true);
    }

    /** A fault Cognito reported; {@code code} follows the contract's naming rule. */
    public static GatewayException cognito(String code, String message, boolean retryable, String cognitoError,
            String requestId) {
        return new GatewayException(code, message, retryable, cognitoError, requestId, List.of(), null, Effect.NONE,
                false, false);
    }

    /** The same error, of a request whose effect is as given. */
    public GatewayException withEffect(Effect newEffect) {
        return new GatewayException(code, getMessage(), retryable, cognitoError, requestId, violations, retryAfter,
                newEffect, outcomeUnknown, conflict);
    }

    /**
     * The same error, of a write: when no answer says what became of it (a timeout, a dropped connection, an answer
     * that is not Cognito's), the client is told so ({@code outcome: UNKNOWN}) and not to retry it blindly, which
     * could make the change twice or send a second code. Cognito's own faults keep their retryable flag.
     */
    public GatewayException asWrite() {
        return effect == Effect.UNKNOWN && cognitoError == null ? new GatewayException(code, getMessage(), false,
                cognitoError, requestId, violations, retryAfter, effect, true, conflict) : this;
    }

    /** Throws {@code BAD_USER_INPUT} with these violations, if there are any. */
    public static void requireNoViolations(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw badUserInput(violations);
        }
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

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Effect effect() {
        return effect;
    }

    /** The GraphQL error's {@code extensions}, as the contract names them. */
    public JsonObject extensions() {
        JsonObjectBuilder extensions = JSON_PROVIDER.createObjectBuilder().add("code", code).add("retryable", retryable);
        cognitoError().ifPresent(name -> extensions.add("cognitoError", name));
        requestId().ifPresent(id -> extensions.add("requestId", id));
        // Rounded up: a client that waits exactly this long finds the permit there.
        retryAfter().ifPresent(wait -> extensions.add("retryAfterMs", Math.max(1, (wait.toNanos() + 999_999) / 1_000_000)));
        if (outcomeUnknown) {
            extensions.add("outcome", "UNKNOWN");
        }
        if (conflict) {
            extensions.add("conflict", true);
        }
        if (!violations.isEmpty()) {
            JsonArrayBuilder array = JSON_PROVIDER.createArrayBuilder();
            violations.forEach(v -> array.add(JSON_PROVIDER.createObjectBuilder().add("field", v.field()).add("message", v.message())));
            extensions.add("violations", array);
        }
        return extensions.build();
    }
}
