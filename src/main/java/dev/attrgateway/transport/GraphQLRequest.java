package dev.attrgateway.transport;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
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
    /**
     * Refuses a key given twice in one object, at any depth: with the last one winning, a WAF, a proxy or a log
     * that reads the first would see another request than the one that runs.
     */
    private static final JsonReaderFactory UNIQUE_KEYS = JSON_PROVIDER.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    static GraphQLRequest fromBody(String body) {
        JsonValue json = read(body == null ? "" : body, "The request body is not JSON",
                "The request body has a key twice in one object");
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
        if (read(text, "The parameter " + name + " must be a JSON object",
                "The parameter " + name + " has a key twice in one object") instanceof JsonObject object) {
            return object;
        }
        throw Refusal.badRequest("The parameter " + name + " must be a JSON object");
    }

    /** The JSON value of the text; what does not parse is refused, a key twice with its own message. */
    private static JsonValue read(String text, String notJson, String keyTwice) {
        try (JsonReader reader = UNIQUE_KEYS.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            // Parsson reports nesting beyond its limit as a plain RuntimeException, not a JsonException. Its message
            // for a repeated key quotes the key: it is told apart by reading the text again with the last key winning.
            throw Refusal.badRequest(parsesWithRepeatedKeys(text) ? keyTwice : notJson);
        }
    }

    private static boolean parsesWithRepeatedKeys(String text) {
        try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(text))) {
            reader.readValue();
            return true;
        } catch (RuntimeException e) {
            return false;
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
