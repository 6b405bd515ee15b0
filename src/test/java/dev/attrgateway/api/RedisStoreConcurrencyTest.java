package dev.attrgateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.CognitoStubResource;
import dev.attrgateway.support.Concurrently;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.InjectRedis;
import dev.attrgateway.support.LocalRedis;
import dev.attrgateway.support.PrometheusScrape;
import dev.attrgateway.support.RedisResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Many Cognito calls at once all take their permits in Redis: the Redis client's connections and waiting line
 * are sized for a loaded replica (with the client's defaults, 6 connections and 24 waiting, most of these calls
 * were refused a connection and the replica fell back to its own budgets).
 */
@QuarkusTest
@WithTestResource(CognitoStubResource.class)
@WithTestResource(RedisResource.class)
@TestProfile(RedisStoreConcurrencyTest.PatientRedisTimeout.class)
class RedisStoreConcurrencyTest {

    static final int CALLERS = 200;

    /** A deadline a busy test machine's event loop cannot miss: what is tested is the client's pool. */
    public static class PatientRedisTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.quota.redis-timeout", "5s");
        }
    }

    @InjectCognitoStub
    CognitoStub stub;

    @InjectRedis
    LocalRedis redis;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void manyCallsAtOnceAllTakeTheirPermitsInRedis() {
        double permitsBefore = PrometheusScrape.now().value("gateway_quota_permits_total", "category", "UserRead");
        int callsBefore = stub.calls("GetUser").size();

        List<HttpResponse<String>> answers = Concurrently.send(port,
                IntStream.range(0, CALLERS).mapToObj(i -> RedisOutageTest.newCaller()).toList(), "me", Map.of());

        assertEquals(CALLERS, answers.stream().map(Concurrently::json).filter(answer -> !answer.containsKey("errors")).count());
        assertEquals(CALLERS, stub.calls("GetUser").size() - callsBefore);
        assertEquals(CALLERS, PrometheusScrape.now().value("gateway_quota_permits_total", "category", "UserRead") - permitsBefore);
        assertEquals(0, PrometheusScrape.now().value("gateway_quota_store_fallback"), "Redis was the store throughout");
        assertTrue(redis.keys().stream().filter(key -> key.contains(":caller:")).count() >= CALLERS,
                "a bucket per caller in Redis: " + redis.keys().size() + " keys");
    }
}
