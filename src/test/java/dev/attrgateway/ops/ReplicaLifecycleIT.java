package dev.attrgateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.Concurrently;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.PackagedGateway;

/**
 * A packaged replica as Kubernetes runs it: ready only once it can answer at once, and on SIGTERM first not
 * ready, then done with the requests it holds, then gone.
 */
class ReplicaLifecycleIT {

    private static final String ME = Json.createObjectBuilder().add("query", GraphQL.operation("me")).build().toString();

    @Test
    void readyMeansWarmedUp() throws InterruptedException {
        String token = DemoUsers.accessToken("alice");
        try (PackagedGateway gateway = PackagedGateway.start("replica-ready", operatorSettings(Map.of()))) {
            gateway.awaitReady(Duration.ofSeconds(60));

            // Before ready, the request path ran: four requests of the usual shapes, none of them a client's.
            assertEquals(1, gateway.lines("Warmed up in").size(), gateway.output());
            assertEquals(4, gateway.metrics().value("gateway_graphql_requests_seconds_count"));
            HttpResponse<String> answer = gateway.post(ME, token).join();
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("alice", Concurrently.json(answer).getJsonObject("data").getJsonObject("me").getString("username"));
        }
    }

    @Test
    void onSigtermItLeavesTheLoadBalancerFinishesWhatItHoldsAndStops() throws Exception {
        String token = DemoUsers.accessToken("alice");
        try (CognitoStub stub = CognitoStub.start();
                PackagedGateway gateway = PackagedGateway.start("replica-sigterm", operatorSettings(Map.of(
                        "gateway.cognito-endpoint", stub.endpoint(),
                        "quarkus.shutdown.delay", "2s",
                        "quarkus.shutdown.timeout", "10s")))) {
            gateway.awaitReady(Duration.ofSeconds(60));
            stub.always("UpdateUserAttributes", Reply.success("{\"CodeDeliveryDetailsList\":[]}").after(Duration.ofSeconds(3)));
            String update = Json.createObjectBuilder().add("query", GraphQL.operation("updateMyAttributes"))
                    .add("variables", Json.createReader(new java.io.StringReader(
                            GraphQL.exampleVariables("updateMyAttributes"))).readObject())
                    .build().toString();
            CompletableFuture<HttpResponse<String>> inFlight = gateway.post(update, token);
            awaitCondition(() -> !stub.calls("UpdateUserAttributes").isEmpty(), "the update reached Cognito");

            gateway.terminate();

            awaitCondition(() -> gateway.status("/q/health/ready") == 503, "not ready after SIGTERM, while still up");
            HttpResponse<String> answer = inFlight.get(15, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"updateMyAttributes\""), answer.body());
            assertTrue(gateway.awaitExit(Duration.ofSeconds(20)), "still running; its output:\n" + gateway.output());
            assertEquals(-1, gateway.status("/q/health/live"), "something still answers");
        }
    }

    /** What an operator sets for a Cognito that is not AWS's: the emulator's pool and issuer, and these. */
    private static Map<String, String> operatorSettings(Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(LocalCognito.shared().gatewayConfig());
        properties.putAll(more);
        return properties;
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
