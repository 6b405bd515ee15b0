package dev.attrgateway.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * The Redis server of the project's machines, CI's included (127.0.0.1:6379, nothing kept on disk). Each test
 * class takes keys under a prefix of its own and deletes them when done. Without Redis, the tests that need it
 * fail and say so; they never pass silently.
 */
public final class LocalRedis implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 6379;

    private final Vertx vertx = Vertx.vertx();
    private final RedisAPI api;
    private final String keyPrefix = "attrgateway-test-" + UUID.randomUUID().toString().substring(0, 8) + ":{quota}:";

    private LocalRedis() {
        api = RedisAPI.api(Redis.createClient(vertx, "redis://" + HOST + ":" + PORT));
    }

    /** A connection to the machine's Redis, checked; an error that says what is missing otherwise. */
    public static LocalRedis connect() {
        LocalRedis redis = new LocalRedis();
        try {
            redis.api.ping(List.of()).await().atMost(java.time.Duration.ofSeconds(3));
        } catch (RuntimeException e) {
            redis.close();
            throw new IllegalStateException("These tests need a Redis server at " + HOST + ":" + PORT + " and none"
                    + " answers (" + e + "). The project's machines run one; start it with: redis-server --daemonize yes"
                    + " --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no", e);
        }
        return redis;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public RedisAPI api() {
        return api;
    }

    /** The keys under this test's prefix. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            Response page = api.scan(List.of(cursor, "MATCH", keyPrefix + "*", "COUNT", "1000")).await().indefinitely();
            cursor = page.get(0).toString();
            page.get(1).forEach(key -> keys.add(key.toString()));
        } while (!cursor.equals("0"));
        return keys;
    }

    /** Milliseconds until the key expires. */
    public long millisToLive(String key) {
        return api.pttl(key).await().indefinitely().toLong();
    }

    @Override
    public void close() {
        try {
            List<String> keys = keys();
            if (!keys.isEmpty()) {
                api.del(keys).await().indefinitely();
            }
        } catch (RuntimeException ignored) {
            // Nothing to clean when Redis was not there.
        }
        vertx.close().await().atMost(java.time.Duration.ofSeconds(10));
    }
}
