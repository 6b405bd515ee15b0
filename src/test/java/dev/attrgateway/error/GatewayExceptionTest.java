package dev.attrgateway.error;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.CompositeException;

/** What an error tells the client ({@code extensions}), and what any failure becomes. */
class GatewayExceptionTest {

    private static final String REQUEST_ID = "req-123";

    @Test
    void extensionsOfACognitoFaultHoldExactlyCodeRetryableCognitoErrorAndRequestId() {
        JsonObject extensions = GatewayException.cognito("ALIAS_EXISTS", "An account with the given email already exists.", false,
                "AliasExistsException", REQUEST_ID).extensions();

        assertAll(
                () -> assertEquals(Set.of("code", "retryable", "cognitoError", "requestId"), extensions.keySet()),
                () -> assertEquals("ALIAS_EXISTS", extensions.getString("code")),
                () -> assertFalse(extensions.getBoolean("retryable")),
                () -> assertEquals("AliasExistsException", extensions.getString("cognitoError")),
                () -> assertEquals(REQUEST_ID, extensions.getString("requestId")));
    }

    @Test
    void extensionsOfBadUserInputListTheViolations() {
        JsonObject extensions = GatewayException
                .badUserInput(List.of(new Violation("input.username", "must be 1 to 128 characters")))
                .extensions();

        assertEquals("BAD_USER_INPUT", extensions.getString("code"));
        assertFalse(extensions.getBoolean("retryable"));
        JsonArray violations = extensions.getJsonArray("violations");
        assertNotNull(violations, "violations");
        assertEquals(1, violations.size());
        JsonObject violation = violations.getJsonObject(0);
        assertAll(
                () -> assertEquals(Set.of("field", "message"), violation.keySet()),
                () -> assertEquals("input.username", violation.getString("field")),
                () -> assertEquals("must be 1 to 128 characters", violation.getString("message")));
    }

    @Test
    void aWrappedErrorIsItselfAndAnythingElseIsInternalWithoutItsDetails() {
        GatewayException forbidden = GatewayException.of(ErrorCode.FORBIDDEN, "Not allowed");

        assertSame(forbidden, GatewayException.from(new CompletionException(forbidden)));
        assertSame(forbidden, GatewayException.from(new CompositeException(forbidden, new IllegalStateException())));
        GatewayException internal = GatewayException.from(new NullPointerException("secret-value-123"));
        assertAll(
                () -> assertEquals("INTERNAL", internal.code()),
                () -> assertEquals("Internal error", internal.getMessage()),
                () -> assertNotNull(internal.extensions()));
    }
}
