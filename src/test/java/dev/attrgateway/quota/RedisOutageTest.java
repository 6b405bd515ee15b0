package dev.attrgateway.quota;

import static dev.attrgateway.support.GraphQL.attribute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.CognitoStubResource;
import dev.attrgateway.support.Concurrently;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.InjectRedis;
import dev.attrgateway.support.LocalRedis;
import dev.attrgateway.support.PrometheusScrape;
import dev.attrgateway.support.RedisResource;
import dev.attrgateway.support.TcpProxy;
import dev.attrgateway.support.TestLog;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Budgets in Redis (the machine's, through a proxy that plays the outage): when Redis is out of reach or hangs,
 * the gateway keeps answering on its own share of the budgets, warns once, stays ready, and goes back to Redis when
 * it answers. Cognito (the stub) counts what the share lets through. Every call here answers within the stub's
 * upstream deadline (1 s): one that waited for Redis longer would be UPSTREAM_TIMEOUT.
 */
@QuarkusTest
@TestProfile(RedisOutageTest.TwoReplicas.class)
class RedisOutageTest {

    static final int USER_UPDATE = 10;
    static final int REPLICAS = 2;

    /** Budgets in Redis; two replicas by configuration, whose share this one takes alone. */
    public static class TwoReplicas implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CognitoStubResource.class), new TestResourceEntry(RedisResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.quota.user-update-rps", String.valueOf(USER_UPDATE),
                    "gateway.quota.replicas", String.valueOf(REPLICAS));
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
        TestLog log = TestLog.gateway();
        int mark = log.mark();
        updateNickname(newCaller()).body("errors", nullValue());
        assertTrue(redis.keys().stream().anyMatch(key -> key.endsWith("category:UserUpdate")), "keys: " + redis.keys());

        proxy.refuse();
        for (int i = 0; i < 3; i++) {
            updateNickname(newCaller()).body("errors", nullValue());
        }
        assertEquals(1, warnings(log, mark, "The shared budget store is out of reach"), "one warning per outage");
        assertEquals(1, PrometheusScrape.now().value("gateway_quota_store_fallback"));
        given().get("/q/health/ready").then().statusCode(200);

        // Alone, this replica spends its share: 10 per second for the pool, over 2 replicas. The pause lets the
        // share refill from the calls above.
        Thread.sleep(1_100);
        int before = stub.calls("UpdateUserAttributes").size();
        Concurrently.Burst burst = Concurrently.burst(port, IntStream.range(0, 20).mapToObj(i -> newCaller()).toList(),
                "updateMyAttributes", nickname());
        int share = USER_UPDATE / REPLICAS;
        assertEquals(burst.served(), stub.calls("UpdateUserAttributes").size() - before);
        assertTrue(burst.served() >= share && burst.served() <= share + share * (burst.seconds() + 0.25) + 1,
                burst.served() + " served on a share of " + share + " in " + burst.seconds() + " s");

        // Redis accepts but never answers: each call waits for it no longer than gateway.quota.redis-timeout.
        proxy.forward();
        proxy.hang();
        updateNickname(newCaller()).body("errors", nullValue());

        proxy.forward();
        if (!redis.keys().isEmpty()) {
            redis.api().del(redis.keys()).await().indefinitely();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            updateNickname(newCaller()).body("errors", nullValue());
            return !budgetKeys().isEmpty();
        });
        assertEquals(1, warnings(log, mark, "The shared budget store answers again"));
        assertEquals(0, PrometheusScrape.now().value("gateway_quota_store_fallback"));
    }

    /** The buckets in Redis, not the replicas' heartbeats. */
    private List<String> budgetKeys() {
        return redis.keys().stream().filter(key -> !key.endsWith(":replicas")).toList();
    }

    private static long warnings(TestLog log, int mark, String text) {
        return log.linesSince(mark).stream().filter(line -> line.contains(text)).count();
    }

    private static String newCaller() {
        return Tokens.ofNewUser("redis");
    }

    private static Map<String, ?> nickname() {
        return Map.of("input", Map.of("userAttributes", List.of(attribute("nickname", "Al"))));
    }

    private static ValidatableResponse updateNickname(String token) {
        return GraphQL.updateMyAttributes(token, attribute("nickname", "Al"));
    }
}
