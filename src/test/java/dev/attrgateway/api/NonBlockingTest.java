package dev.attrgateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.CognitoStubResource;
import dev.attrgateway.support.Concurrently;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.InjectCognitoStub;
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

    @InjectCognitoStub
    CognitoStub stub;

    @Test
    void twoHundredConcurrentUpdatesOverASlowCognitoFinishInUnderThreeSeconds() {
        List<String> tokens = Collections.nCopies(CALLERS, DemoUsers.accessToken("alice"));
        Map<String, ?> variables = Map.of("input", Map.of("userAttributes",
                List.of(Map.of("name", "nickname", "value", "Al"))));
        // A JVM fresh from start interprets; one quick round first, as a running gateway would have had.
        Concurrently.send(port, tokens, "updateMyAttributes", variables);
        stub.reset();
        stub.always("UpdateUserAttributes",
                Reply.success("{\"CodeDeliveryDetailsList\":[]}").after(Duration.ofMillis(500)));

        long started = System.nanoTime();
        List<HttpResponse<String>> responses = Concurrently.send(port, tokens, "updateMyAttributes", variables);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        responses.forEach(response -> {
            assertEquals(200, response.statusCode());
            assertEquals("{\"data\":{\"updateMyAttributes\":{\"codeDeliveryDetailsList\":[]}}}", response.body());
        });
        assertEquals(CALLERS, stub.calls("UpdateUserAttributes").size());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, CALLERS + " calls took " + took);
    }
}
