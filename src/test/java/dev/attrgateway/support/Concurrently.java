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

    /** Answers to requests sent at once, and how long until the last came: the window budgets refill in. */
    public record Burst(List<HttpResponse<String>> answers, double seconds) {

        /** The answers that carry no error. */
        public long served() {
            return answers.stream().map(Concurrently::json).filter(answer -> !answer.containsKey("errors")).count();
        }
    }

    /** {@link #send}, timed. */
    public static Burst burst(int port, List<String> tokens, String operation, Map<String, ?> variables) {
        long started = System.nanoTime();
        List<HttpResponse<String>> answers = send(port, tokens, operation, variables);
        return new Burst(answers, (System.nanoTime() - started) / 1e9);
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
