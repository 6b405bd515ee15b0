package dev.attrgateway.support;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Sends many GraphQL requests at once, as many clients would, and waits for every answer. */
public final class Concurrently {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Concurrently() {
    }

    /** One request per token, all sent before any answer is awaited: an example operation with its variables. */
    public static List<HttpResponse<String>> send(int port, List<String> tokens, String operation,
            Map<String, ?> variables) {
        String body = Json.createObjectBuilder().add("query", GraphQL.operation(operation))
                .add("variables", Json.createObjectBuilder(new HashMap<String, Object>(variables))).build().toString();
        return tokens.stream()
                .map(token -> CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
