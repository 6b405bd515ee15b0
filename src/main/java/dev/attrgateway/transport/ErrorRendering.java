package dev.attrgateway.transport;

import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import dev.attrgateway.error.GatewayException;
import dev.attrgateway.execution.ExecutionErrors;
import graphql.language.SourceLocation;

/**
 * Renders the contract's errors as GraphQL errors: {@code message}, {@code locations} and {@code path} where
 * known, and the {@code extensions} that {@link GatewayException} carries. What an error is, is decided in
 * the boundary that met it; this class only writes it.
 */
final class ErrorRendering {

    /** Looked up once: {@code Json.create...} looks the provider up on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    private ErrorRendering() {
    }

    /** The errors of an execution, in order. */
    static JsonArray render(List<ExecutionErrors.Located> errors) {
        JsonArrayBuilder array = JSON_PROVIDER.createArrayBuilder();
        errors.forEach(error -> array.add(render(error.error(), error.locations(), error.path())));
        return array.build();
    }

    static JsonObject render(GatewayException error, List<SourceLocation> locations, List<Object> path) {
        JsonObjectBuilder json = JSON_PROVIDER.createObjectBuilder().add("message", error.getMessage());
        if (locations != null && !locations.isEmpty()) {
            JsonArrayBuilder array = JSON_PROVIDER.createArrayBuilder();
            locations.forEach(l -> array.add(JSON_PROVIDER.createObjectBuilder().add("line", l.getLine()).add("column", l.getColumn())));
            json.add("locations", array);
        }
        if (path != null && !path.isEmpty()) {
            JsonArrayBuilder array = JSON_PROVIDER.createArrayBuilder();
            path.forEach(segment -> {
                if (segment instanceof Integer index) {
                    array.add(index);
                } else {
                    array.add(String.valueOf(segment));
                }
            });
            json.add("path", array);
        }
        return json.add("extensions", error.extensions()).build();
    }

    /** A response that is one error about the request as a whole. */
    static JsonObject body(GatewayException error) {
        return JSON_PROVIDER.createObjectBuilder()
                .add("errors", JSON_PROVIDER.createArrayBuilder().add(render(error, List.of(), List.of()))).build();
    }
}
