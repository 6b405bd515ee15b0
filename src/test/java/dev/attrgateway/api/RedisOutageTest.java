package dev.attrgateway.api;

import static dev.attrgateway.api.SelfServiceTest.attribute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.CognitoStubResource;
import dev.attrgateway.support.Concurrently;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.InjectRedis;
import dev.attrgateway.support.LocalRedis;
import dev.attrgateway.support.PrometheusScrape;
import dev.attrgateway.support.RedisResource;
import dev.attrgateway.support.TcpProxy;
import dev.attrgateway.support.TestLog;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Budgets in Redis (the machine's, through a proxy that plays the outage): when Redis is out of reach or hangs,
 * the gateway keeps answering within its timeouts on its own share of the budgets, warns once, stays ready, and
 * goes back to Redis when it answers. Cognito (the stub) counts what the share lets through.
 */
@QuarkusTest
@WithTestResource(CognitoStubResource.class)
@WithTestResource(RedisResource.class)
@TestProfile(RedisOutageTest.TwoReplicas.class)
class RedisOutageTest {

    static final int USER_UPDATE = 10;
    static final int REPLICAS = 2;
    static final TestLog LOG = TestLog.at("target/redis-outage.log");

    public static class TwoReplicas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(LOG.emptiedFileSettings());
            overrides.put("gateway.quota.user-update-rps", String.valueOf(USER_UPDATE));
            overrides.put("gateway.quota.replicas", String.valueOf(REPLICAS));
            return overrides;
        }
    }

    @InjectCognitoStub
    CognitoStub stub;

    @InjectRedis
    LocalRedis redis;

    @InjectRedis
    TcpProxy proxy;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aRedisOutageDegradesFairnessNotAvailability() throws InterruptedException {
        updateNickname(newCaller()).body("errors", nullValue());
        assertTrue(redis.keys().stream().anyMatch(key -> key.endsWith("category:UserUpdate")), "keys: " + redis.keys());

        proxy.refuse();
        for (int i = 0; i < 3; i++) {
            assertAnsweredWithin(Duration.ofSeconds(1));
        }
        assertEquals(1, LOG.linesContaining("The shared budget store is out of reach"), "one warning per outage");
        assertEquals(1, PrometheusScrape.now().value("gateway_quota_store_fallback"));
        given().get("/q/health/ready").then().statusCode(200);

        // Alone, this replica spends its share: 10 per second for the pool, over 2 replicas.
        Thread.sleep(1_100);
        int before = stub.calls("UpdateUserAttributes").size();
        long served = Concurrently.send(port, IntStream.range(0, 20).mapToObj(i -> newCaller()).toList(),
                "updateMyAttributes", nickname()).stream().map(Concurrently::json)
                .filter(answer -> !answer.containsKey("errors")).count();
        int share = USER_UPDATE / REPLICAS;
        assertEquals(served, stub.calls("UpdateUserAttributes").size() - before);
        assertTrue(served >= share && served <= 2 * share, served + " served on a share of " + share);

        proxy.forward();
        proxy.hang();
        Thread.sleep(1_100);
        // Redis accepts but never answers: each call waits for it at most gateway.quota.redis-timeout.
        assertAnsweredWithin(Duration.ofSeconds(1));

        proxy.forward();
        if (!redis.keys().isEmpty()) {
            redis.api().del(redis.keys()).await().indefinitely();
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (budgetKeys().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            updateNickname(newCaller()).body("errors", nullValue());
        }
        assertFalse(budgetKeys().isEmpty(), "back to Redis");
        assertEquals(1, LOG.linesContaining("The shared budget store answers again"));
        assertEquals(0, PrometheusScrape.now().value("gateway_quota_store_fallback"));
    }

    /** The buckets in Redis, not the replicas' heartbeats. */
    private List<String> budgetKeys() {
        return redis.keys().stream().filter(key -> !key.endsWith(":replicas")).toList();
    }

    private void assertAnsweredWithin(Duration bound) {
        long started = System.nanoTime();
        updateNickname(newCaller()).body("errors", nullValue());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(bound) < 0, "answered after " + took);
    }

    static String newCaller() {
        return Tokens.forUser(DemoUsers.accessToken("alice"), "redis-" + UUID.randomUUID());
    }

    private static Map<String, ?> nickname() {
        return Map.of("input", Map.of("userAttributes", List.of(attribute("nickname", "Al"))));
    }

    private static ValidatableResponse updateNickname(String token) {
        return GraphQL.execute("updateMyAttributes", nickname(), token).statusCode(200);
    }
}
