package dev.attrgateway.http;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import dev.attrgateway.error.GatewayException;
import graphql.language.SourceLocation;

/**
 * Renders the contract's errors as GraphQL errors: {@code message}, {@code locations} and {@code path} where
 * known, and the {@code extensions} that {@link GatewayException} carries. What an error is, is decided in
 * {@code dev.attrgateway.error}; this class only writes it.
 */
final class GraphQLErrors {

    private GraphQLErrors() {
    }

    static JsonObject render(GatewayException error, List<SourceLocation> locations, List<Object> path) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("message", error.getMessage());
        if (locations != null && !locations.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            locations.forEach(l -> array.add(Json.createObjectBuilder().add("line", l.getLine()).add("column", l.getColumn())));
            json.add("locations", array);
        }
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
        return json.add("extensions", error.extensions()).build();
    }

    /** A response that is one error about the request as a whole. */
    static JsonObject body(GatewayException error) {
        return Json.createObjectBuilder()
                .add("errors", Json.createArrayBuilder().add(render(error, List.of(), List.of()))).build();
    }
}
