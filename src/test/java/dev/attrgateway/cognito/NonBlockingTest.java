package dev.attrgateway.cognito;

import static dev.attrgateway.support.GraphQL.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.Concurrently;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.LoadGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * No thread waits for Cognito: on a gateway with 8 worker threads (and 2 event loops), 200 concurrent mutations are
 * all at Cognito at once, each waiting for its answer. An implementation that held a thread per call would have at
 * most as many calls waiting as it has threads.
 */
@QuarkusTest
@TestProfile(LoadGateway.class)
class NonBlockingTest {

    private static final int CALLERS = 200;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @InjectCognitoStub
    CognitoStub stub;

    @Test
    void twoHundredConcurrentUpdatesAllWaitForCognitoAtOnce() {
        List<String> tokens = Collections.nCopies(CALLERS, DemoUsers.accessToken("alice"));
        Map<String, ?> variables = Map.of("input", Map.of("userAttributes", List.of(attribute("nickname", "Al"))));
        stub.holdAnswers();

        CompletableFuture<List<HttpResponse<String>>> answers = CompletableFuture.supplyAsync(
                () -> Concurrently.send(port, tokens, "updateMyAttributes", variables));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> stub.unanswered() == CALLERS);
        stub.releaseAnswers();

        answers.join().forEach(response -> {
            assertEquals(200, response.statusCode());
            assertEquals("{\"data\":{\"updateMyAttributes\":{\"codeDeliveryDetailsList\":[],"
                    + "\"attributeOutcomes\":[{\"name\":\"nickname\",\"status\":\"UPDATED\"}]}}}", response.body());
        });
        assertEquals(CALLERS, stub.calls("UpdateUserAttributes").size());
    }
}
