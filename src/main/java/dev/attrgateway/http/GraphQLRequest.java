package dev.attrgateway.http;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import io.vertx.ext.web.RoutingContext;

/**
 * The parameters of a GraphQL-over-HTTP request, read from a JSON body (POST) or the query string (GET)
 * and checked as the specification requires before anything is executed.
 */
record GraphQLRequest(String query, String operationName, JsonObject variables, JsonObject extensions) {

    /** Looked up once: {@code Json.create...} looks the provider up on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    static GraphQLRequest fromBody(String body) {
        JsonValue json;
        try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readValue();
        } catch (RuntimeException e) {
            // Parsson reports nesting beyond its limit as a plain RuntimeException, not a JsonException.
            throw Refusal.badRequest("The request body is not JSON");
        }
        if (!(json instanceof JsonObject object)) {
            throw Refusal.badRequest("The request body must be a JSON object");
        }
        if (!(object.get("query") instanceof jakarta.json.JsonString query)) {
            throw Refusal.badRequest("The request needs a query, as a string");
        }
        return new GraphQLRequest(query.getString(), optionalString(object, "operationName"),
                optionalObject(object, "variables"), optionalObject(object, "extensions"));
    }

    static GraphQLRequest fromQueryParameters(RoutingContext context) {
        String query = parameter(context, "query")
                .orElseThrow(() -> Refusal.badRequest("The request needs a query parameter"));
        return new GraphQLRequest(query, parameter(context, "operationName").filter(name -> !name.isEmpty()).orElse(null),
                parameter(context, "variables").filter(text -> !text.isEmpty())
                        .map(text -> jsonObjectParameter("variables", text)).orElse(null),
                parameter(context, "extensions").filter(text -> !text.isEmpty())
                        .map(text -> jsonObjectParameter("extensions", text)).orElse(null));
    }

    /** The request in the form SmallRye GraphQL executes. */
    JsonObject toJson() {
        JsonObjectBuilder json = JSON_PROVIDER.createObjectBuilder().add("query", query);
        if (operationName != null) {
            json.add("operationName", operationName);
        }
        if (variables != null) {
            json.add("variables", variables);
        }
        if (extensions != null) {
            json.add("extensions", extensions);
        }
        return json.build();
    }

    private static Optional<String> parameter(RoutingContext context, String name) {
        List<String> values = context.queryParam(name);
        if (values.size() > 1) {
            throw Refusal.badRequest("The parameter " + name + " is given more than once");
        }
        return values.stream().findFirst();
    }

    private static JsonObject jsonObjectParameter(String name, String text) {
        try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw Refusal.badRequest("The parameter " + name + " must be a JSON object");
        }
    }

    private static String optionalString(JsonObject object, String name) {
        JsonValue value = object.getOrDefault(name, JsonValue.NULL);
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof jakarta.json.JsonString string) {
            return string.getString();
        }
        throw Refusal.badRequest(name + " must be a string");
    }

    private static JsonObject optionalObject(JsonObject object, String name) {
        JsonValue value = object.getOrDefault(name, JsonValue.NULL);
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonObject json) {
            return json;
        }
        throw Refusal.badRequest(name + " must be a JSON object");
    }
}
