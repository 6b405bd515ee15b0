package dev.attrgateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.json.Json;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.CognitoStubResource;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * No thread waits for Cognito: with every call taking 500 ms upstream, 200 concurrent mutations finish
 * together, in little more than the time of one. The worker pool is cut to 8 threads, so an
 * implementation that blocked a thread per call would need 200 / 8 x 500 ms = 12.5 s.
 */
@QuarkusTest
@WithTestResource(CognitoStubResource.class)
@TestProfile(NonBlockingTest.FewThreads.class)
class NonBlockingTest {

    public static class FewThreads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.max-threads", "8");
        }
    }

    private static final int CALLERS = 200;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void twoHundredConcurrentUpdatesOverASlowCognitoFinishInUnderThreeSeconds() {
        String body = Json.createObjectBuilder()
                .add("query", GraphQL.operation("updateMyAttributes"))
                .add("variables", Json.createObjectBuilder().add("input", Json.createObjectBuilder()
                        .add("userAttributes", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("name", "nickname").add("value", "Al")))))
                .build().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + DemoUsers.accessToken("alice"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // A JVM fresh from start interprets; one quick round first, as a running gateway would have had.
        CognitoStubResource.stub().reset();
        sendConcurrently(client, request);
        CognitoStubResource.stub().reset();
        CognitoStubResource.stub().always("UpdateUserAttributes",
                Reply.success("{\"CodeDeliveryDetailsList\":[]}").after(Duration.ofMillis(500)));

        long started = System.nanoTime();
        List<HttpResponse<String>> responses = sendConcurrently(client, request);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        responses.forEach(response -> {
            assertEquals(200, response.statusCode());
            assertEquals("{\"data\":{\"updateMyAttributes\":{\"codeDeliveryDetailsList\":[]}}}", response.body());
        });
        assertEquals(CALLERS, CognitoStubResource.stub().calls("UpdateUserAttributes").size());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, CALLERS + " calls took " + took);
    }

    private static List<HttpResponse<String>> sendConcurrently(HttpClient client, HttpRequest request) {
        return IntStream.range(0, CALLERS)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();
    }
}
