package dev.attrgateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.LocalRedis;
import dev.attrgateway.support.PackagedGateway;
import dev.attrgateway.support.TcpProxy;
import dev.attrgateway.support.Tokens;

/**
 * Two packaged replicas whose Redis answers every call after they stopped waiting for it (200 ms, beyond the 50 ms
 * default of gateway.quota.redis-timeout): each decides its calls on its own share, half of the pool-wide budget as
 * it learns from Redis that two replicas are live, and Cognito (the stub, which counts) receives no more than the
 * budget and one second's burst.
 */
class SlowRedisBudgetsIT {

    static final int USER_UPDATE = 20;
    static final Duration REDIS_ANSWERS_AFTER = Duration.ofMillis(200);
    static final Duration FLOOD = Duration.ofSeconds(3);

    private static LocalRedis redis;
    private static TcpProxy slowRedis;
    private static CognitoStub stub;
    private static List<PackagedGateway> replicas;

    @BeforeAll
    static void startTwoReplicasOnASlowRedis() throws InterruptedException {
        redis = LocalRedis.connect();
        slowRedis = TcpProxy.to(LocalRedis.HOST, LocalRedis.PORT);
        slowRedis.answerAfter(REDIS_ANSWERS_AFTER);
        stub = CognitoStub.start();
        Map<String, String> settings = new HashMap<>(LocalCognito.shared().gatewayConfig());
        settings.putAll(Map.of(
                "gateway.cognito-endpoint", stub.endpoint(),
                "gateway.quota.store", "redis",
                "gateway.quota.redis-key-prefix", redis.keyPrefix(),
                "gateway.quota.user-update-rps", String.valueOf(USER_UPDATE),
                "quarkus.redis.hosts", "redis://127.0.0.1:" + slowRedis.port()));
        replicas = PackagedGateway.startReady(settings, "slow-redis-a", "slow-redis-b");
        for (PackagedGateway replica : replicas) {
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> replica.metrics().value("gateway_quota_replicas") == 2);
        }
    }

    @AfterAll
    static void stopAll() {
        if (replicas != null) {
            replicas.forEach(PackagedGateway::close);
        }
        if (stub != null) {
            stub.close();
        }
        if (slowRedis != null) {
            slowRedis.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void eachReplicaDecidesOnItsShareAndTogetherTheyKeepTheBudget() throws InterruptedException {
        String alice = DemoUsers.accessToken("alice");
        List<String> users = java.util.stream.IntStream.range(0, 40).mapToObj(i -> Tokens.forUser(alice,
                "slow-redis-" + UUID.randomUUID())).toList();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        double seconds = PackagedGateway.flood(replicas, FLOOD, () -> users.get(next.getAndIncrement() % users.size()),
                SharedBudgetsIT.update());

        int received = stub.calls("UpdateUserAttributes").size();
        assertTrue(received <= USER_UPDATE * seconds + USER_UPDATE + 1, received + " calls in " + seconds + " s");
        assertTrue(received >= USER_UPDATE, received + " calls");
        for (PackagedGateway replica : replicas) {
            assertEquals(2, replica.metrics().value("gateway_quota_replicas"), "the live replicas, learned from Redis");
        }
    }
}
