package dev.attrgateway.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Sends the example operations of {@code graphql/operations/} to the gateway over HTTP, as a client would. */
public final class GraphQL {

    private static final Map<String, String> EXAMPLE_PLACEHOLDERS = Map.of("<username>", "alice", "<code>", "123456");

    private GraphQL() {
    }

    /** The text of {@code graphql/operations/<name>.graphql}. */
    public static String operation(String name) {
        return read(name + ".graphql");
    }

    /**
     * The example variables of {@code graphql/operations/<name>.variables.json}, as JSON text, with their placeholders
     * filled in as {@code graphql/client} does: {@code "<username>"} (whom an admin example reads or changes) by the
     * demo user alice, {@code "<code>"} (the verification code sent) by a code.
     */
    public static String exampleVariables(String name) {
        String variables = read(name + ".variables.json");
        for (Map.Entry<String, String> placeholder : EXAMPLE_PLACEHOLDERS.entrySet()) {
            variables = variables.replace(Json.createValue(placeholder.getKey()).toString(),
                    Json.createValue(placeholder.getValue()).toString());
        }
        return variables;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of("graphql/operations", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 hash of a document's text, as clients send it: 64 lower-case hex digits. */
    public static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request body of Apollo's automatic persisted queries: the hash, with the query unless it is null. */
    public static JsonObject persistedQuery(String query, String hash) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (query != null) {
            body.add("query", query);
        }
        return body.add("extensions", persistedQueryExtensions(hash)).build();
    }

    /** The {@code extensions} that name a document by its hash, Apollo's {@code persistedQuery}. */
    public static JsonObject persistedQueryExtensions(String hash) {
        return Json.createObjectBuilder().add("persistedQuery", Json.createObjectBuilder().add("version", 1)
                .add("sha256Hash", hash)).build();
    }

    /** One entry of {@code userAttributes}: a null value deletes the attribute. */
    public static Map<String, Object> attribute(String name, String value) {
        Map<String, Object> attribute = new HashMap<>();
        attribute.put("name", name);
        attribute.put("value", value);
        return attribute;
    }

    /** The example {@code updateMyAttributes} with these attributes, as the token's user; answered 200. */
    @SafeVarargs
    public static ValidatableResponse updateMyAttributes(String accessToken, Map<String, Object>... attributes) {
        return execute("updateMyAttributes", Map.of("input", Map.of("userAttributes", List.of(attributes))),
                accessToken).statusCode(200);
    }

    /** The request body a client sends for the example operation with these variables. */
    public static String body(String operationName, Map<String, ?> variables) {
        return Json.createObjectBuilder().add("query", operation(operationName))
                .add("variables", Json.createObjectBuilder(new HashMap<String, Object>(variables))).build().toString();
    }

    /** The example operation with its example variables, as the README sends it; answered 200. */
    public static ValidatableResponse executeExample(String operationName, String accessToken) {
        return request(accessToken).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body("{\"query\":" + Json.createValue(operation(operationName)) + ",\"variables\":"
                        + exampleVariables(operationName) + "}")
                .post("/graphql").then().statusCode(200);
    }

    public static ValidatableResponse execute(String operationName, Map<String, ?> variables, String accessToken) {
        return post(request(accessToken), operation(operationName), variables);
    }

    public static ValidatableResponse execute(String operationName, String accessToken) {
        return execute(operationName, Map.of(), accessToken);
    }

    public static ValidatableResponse post(RequestSpecification request, String query, Map<String, ?> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return request.contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .post("/graphql").then();
    }

    /** A request with the bearer token, or without one when {@code accessToken} is null. */
    public static RequestSpecification request(String accessToken) {
        RequestSpecification request = given();
        return accessToken == null ? request : request.header("Authorization", "Bearer " + accessToken);
    }
}
