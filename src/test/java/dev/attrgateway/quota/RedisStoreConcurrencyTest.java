package dev.attrgateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.Concurrently;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.InjectRedis;
import dev.attrgateway.support.LoadGateway;
import dev.attrgateway.support.LocalRedis;
import dev.attrgateway.support.PrometheusScrape;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Many Cognito calls at once all take their permits in Redis: the Redis client's connections and waiting line
 * are sized for a loaded replica (with the client's defaults, 6 connections and 24 waiting, most of these calls
 * were refused a connection and the replica fell back to its own budgets). Redis is given all the time a busy
 * machine may need (LoadGateway): what is tested is the client's pool.
 */
@QuarkusTest
@TestProfile(LoadGateway.class)
class RedisStoreConcurrencyTest {

    static final int CALLERS = 200;

    /** A deadline a busy test machine's event loop cannot miss: what is tested is the client's pool. */
    @InjectCognitoStub
    CognitoStub stub;

    @InjectRedis
    LocalRedis redis;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void manyCallsAtOnceAllTakeTheirPermitsInRedis() throws InterruptedException {
        double permitsBefore = PrometheusScrape.now().value("gateway_quota_permits_total", "category", "UserRead");
        int callsBefore = stub.calls("GetUser").size();

        // A caller's bucket lives for about a second after its last permit: on a busy machine the first ones are
        // gone before the last call is answered, so the buckets are collected while the calls run.
        Set<String> callerBuckets = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (sending.get()) {
                redis.keys().stream().filter(key -> key.contains(":caller:")).forEach(callerBuckets::add);
            }
        }, "caller-buckets-watcher");
        watcher.start();
        List<HttpResponse<String>> answers = Concurrently.send(port,
                IntStream.range(0, CALLERS).mapToObj(i -> Tokens.ofNewUser("concurrent")).toList(), "me", Map.of());
        sending.set(false);
        watcher.join();

        assertEquals(List.of(), answers.stream().map(Concurrently::json).filter(answer -> answer.containsKey("errors"))
                .map(answer -> answer.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code"))
                .distinct().toList(), "errors");
        assertEquals(CALLERS, stub.calls("GetUser").size() - callsBefore);
        assertEquals(CALLERS, PrometheusScrape.now().value("gateway_quota_permits_total", "category", "UserRead") - permitsBefore);
        assertEquals(0, PrometheusScrape.now().value("gateway_quota_store_fallback"), "Redis was the store throughout");
        assertTrue(callerBuckets.size() >= CALLERS, "a bucket per caller in Redis: " + callerBuckets.size());
    }
}
