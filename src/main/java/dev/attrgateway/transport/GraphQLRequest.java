package dev.attrgateway.transport;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import io.vertx.ext.web.RoutingContext;

/**
 * The parameters of a GraphQL-over-HTTP request, read from a JSON body (POST) or the query string (GET)
 * and checked as the specification requires before anything is executed. The document comes as its text
 * ({@code query}), as the hash of an automatic persisted query ({@code extensions.persistedQuery}, Apollo's
 * protocol, with or without the text), or as a {@code documentId} of the trusted list: {@link PersistedDocuments}
 * says which text runs.
 */
record GraphQLRequest(String query, DocumentHash persistedQuery, DocumentHash documentId, String operationName,
        JsonObject variables, JsonObject extensions) {

    /** Looked up once: {@code Json.create...} looks the provider up on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();
    /**
     * Refuses a key given twice in one object, at any depth: with the last one winning, a WAF, a proxy or a log
     * that reads the first would see another request than the one that runs.
     */
    private static final JsonReaderFactory UNIQUE_KEYS = JSON_PROVIDER.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    /** The GraphQL-over-HTTP form of a document's id by its SHA-256 hash. */
    private static final String SHA_256_DOCUMENT_ID = "sha256:";

    GraphQLRequest {
        if (documentId != null && (query != null || persistedQuery != null)) {
            throw Refusal.badRequest("A request with a documentId sends no query and no persistedQuery extension");
        }
        if (query == null && persistedQuery == null && documentId == null) {
            throw Refusal.badRequest("The request needs a query (a string), a persisted query's hash or a documentId");
        }
    }

    static GraphQLRequest fromBody(String body) {
        JsonValue json = read(body == null ? "" : body, "The request body is not JSON",
                "The request body has a key twice in one object");
        if (!(json instanceof JsonObject object)) {
            throw Refusal.badRequest("The request body must be a JSON object");
        }
        JsonObject extensions = optionalObject(object, "extensions");
        return new GraphQLRequest(optionalString(object, "query"), persistedQuery(extensions),
                documentId(optionalString(object, "documentId")), optionalString(object, "operationName"),
                optionalObject(object, "variables"), extensions);
    }

    static GraphQLRequest fromQueryParameters(RoutingContext context) {
        JsonObject extensions = parameter(context, "extensions").filter(text -> !text.isEmpty())
                .map(text -> jsonObjectParameter("extensions", text)).orElse(null);
        return new GraphQLRequest(parameter(context, "query").orElse(null), persistedQuery(extensions),
                documentId(parameter(context, "documentId").orElse(null)),
                parameter(context, "operationName").filter(name -> !name.isEmpty()).orElse(null),
                parameter(context, "variables").filter(text -> !text.isEmpty())
                        .map(text -> jsonObjectParameter("variables", text)).orElse(null),
                extensions);
    }

    /** The request in the form SmallRye GraphQL executes, with the document's text. */
    JsonObject toJson(String document) {
        JsonObjectBuilder json = JSON_PROVIDER.createObjectBuilder().add("query", document);
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

    /** Apollo's {@code persistedQuery} extension, {@code {"version": 1, "sha256Hash": "<64 hex digits>"}}, if sent. */
    private static DocumentHash persistedQuery(JsonObject extensions) {
        JsonValue extension = extensions == null ? JsonValue.NULL
                : extensions.getOrDefault("persistedQuery", JsonValue.NULL);
        if (extension == JsonValue.NULL) {
            return null;
        }
        if (!(extension instanceof JsonObject persistedQuery)) {
            throw Refusal.badRequest("extensions.persistedQuery must be an object with version 1 and a sha256Hash");
        }
        if (!(persistedQuery.get("version") instanceof JsonNumber version && version.isIntegral()
                && version.bigIntegerValue().equals(BigInteger.ONE))) {
            throw Refusal.badRequest("extensions.persistedQuery.version must be 1, the only version there is");
        }
        if (persistedQuery.get("sha256Hash") instanceof JsonString hash) {
            Optional<DocumentHash> parsed = DocumentHash.parse(hash.getString());
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        throw Refusal.badRequest("extensions.persistedQuery.sha256Hash must be the SHA-256 hash of the document, "
                + "as 64 lower-case hex digits");
    }

    /** The hash a {@code documentId} names: {@code sha256:} and 64 lower-case hex digits. */
    private static DocumentHash documentId(String documentId) {
        if (documentId == null) {
            return null;
        }
        return Optional.of(documentId).filter(id -> id.startsWith(SHA_256_DOCUMENT_ID))
                .flatMap(id -> DocumentHash.parse(id.substring(SHA_256_DOCUMENT_ID.length())))
                .orElseThrow(() -> Refusal.badRequest("documentId must be sha256: and the SHA-256 hash of a trusted "
                        + "document, as 64 lower-case hex digits"));
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
        if (value instanceof JsonString string) {
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
