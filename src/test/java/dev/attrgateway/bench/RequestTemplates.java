package dev.attrgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.attrgateway.support.GraphQL;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The benchmark's requests as templates for {@code src/bench/load.lua}: the request line, headers, a blank line and
 * the body, with {@value #TOKEN} where each request puts another user's access token. Each example operation goes
 * to the gateway as a client sends it, and its Cognito call goes straight to the stub as the gateway sends it.
 */
record RequestTemplates(String requestLine, Map<String, String> headers, String body) {

    static final String TOKEN = "%TOKEN%";

    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

    /** {@code graphql/operations/<operation>} with its example variables, as {@code POST /graphql}. */
    static RequestTemplates gateway(String operation) {
        JsonObject body = new JsonObject()
                .put("query", GraphQL.operation(operation))
                .put("variables", new JsonObject(GraphQL.exampleVariables(operation)));
        return new RequestTemplates("POST /graphql",
                ordered("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN), body.encode());
    }

    /** Cognito {@code GetUser}, what {@code me} calls. */
    static RequestTemplates getUser() {
        return cognito("GetUser", new JsonObject().put("AccessToken", TOKEN));
    }

    /** Cognito {@code UpdateUserAttributes} with what the gateway makes of {@code updateMyAttributes}' example. */
    static RequestTemplates updateUserAttributes() {
        JsonObject input = new JsonObject(GraphQL.exampleVariables("updateMyAttributes")).getJsonObject("input");
        JsonArray attributes = new JsonArray();
        input.getJsonArray("userAttributes").stream().map(JsonObject.class::cast).forEach(attribute -> attributes.add(
                new JsonObject().put("Name", attribute.getString("name"))
                        // The gateway sends a null value (delete) as Cognito's empty one.
                        .put("Value", Objects.requireNonNullElse(attribute.getString("value"), ""))));
        JsonObject metadata = new JsonObject();
        input.getJsonArray("clientMetadata").stream().map(JsonObject.class::cast)
                .forEach(entry -> metadata.put(entry.getString("key"), entry.getString("value")));
        return cognito("UpdateUserAttributes", new JsonObject().put("AccessToken", TOKEN)
                .put("UserAttributes", attributes).put("ClientMetadata", metadata));
    }

    private static RequestTemplates cognito(String operation, JsonObject body) {
        return new RequestTemplates("POST /", ordered("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", TARGET_PREFIX + operation), body.encode());
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(requestLine).append('\n');
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        Files.writeString(file, text.append('\n').append(body).append('\n'));
    }
}
