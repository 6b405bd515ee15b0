package dev.attrgateway.quota;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.LocalRedis;
import dev.attrgateway.support.PackagedGateway;
import dev.attrgateway.support.Tokens;

/**
 * Two packaged replicas sharing the machine's Redis hold the budgets together: however the load is spread over
 * them, Cognito (the stub, which counts) receives no more than one budget's worth, pool-wide and per caller.
 */
class SharedBudgetsIT {

    static final int USER_UPDATE = 10;
    static final int PER_CALLER = 5;
    static final Duration FLOOD = Duration.ofSeconds(2);

    private static LocalRedis redis;
    private static CognitoStub stub;
    private static List<PackagedGateway> replicas;

    @BeforeAll
    static void startTwoReplicas() throws InterruptedException {
        redis = LocalRedis.connect();
        stub = CognitoStub.start();
        Map<String, String> settings = new HashMap<>(LocalCognito.shared().gatewayConfig());
        settings.putAll(Map.of(
                "gateway.cognito-endpoint", stub.endpoint(),
                "gateway.quota.store", "redis",
                "gateway.quota.redis-key-prefix", redis.keyPrefix(),
                "gateway.quota.user-update-rps", String.valueOf(USER_UPDATE),
                "gateway.quota.per-caller-rps", String.valueOf(PER_CALLER),
                // What is tested is the sharing: a busy test machine must not make Redis look out of reach
                // (RedisOutageTest tests that, and the 50 ms default).
                "gateway.quota.redis-timeout", "2s",
                "quarkus.redis.hosts", "redis://" + LocalRedis.HOST + ":" + LocalRedis.PORT));
        replicas = PackagedGateway.startReady(settings, "replica-a", "replica-b");
    }

    @AfterAll
    static void stopAll() {
        if (replicas != null) {
            replicas.forEach(PackagedGateway::close);
        }
        if (stub != null) {
            stub.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void thePoolWideBudgetHoldsForBothReplicasTogether() throws InterruptedException {
        String alice = DemoUsers.accessToken("alice");
        int before = stub.calls("UpdateUserAttributes").size();

        double seconds = PackagedGateway.flood(replicas, FLOOD, () -> Tokens.forUser(alice, "fleet-" + UUID.randomUUID()),
                update());

        int received = stub.calls("UpdateUserAttributes").size() - before;
        assertTrue(received <= USER_UPDATE + USER_UPDATE * seconds + 1, received + " calls in " + seconds + " s");
        assertTrue(received >= USER_UPDATE, received + " calls");
    }

    @Test
    void aCallersBudgetHoldsAcrossBothReplicas() throws InterruptedException {
        String caller = Tokens.forUser(DemoUsers.accessToken("alice"), "roaming-" + UUID.randomUUID());
        int before = stub.calls("GetUser").size();

        double seconds = PackagedGateway.flood(replicas, FLOOD, () -> caller, Json.createObjectBuilder()
                .add("query", GraphQL.operation("me")).build().toString());

        int received = stub.calls("GetUser").size() - before;
        assertTrue(received <= PER_CALLER + PER_CALLER * seconds + 1, received + " calls in " + seconds + " s");
        assertTrue(received >= PER_CALLER, received + " calls");
    }

    static String update() {
        return Json.createObjectBuilder().add("query", GraphQL.operation("updateMyAttributes"))
                .add("variables", Json.createReader(new java.io.StringReader(
                        GraphQL.exampleVariables("updateMyAttributes"))).readObject())
                .build().toString();
    }
}
