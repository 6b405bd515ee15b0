package dev.attrgateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

/**
 * The Redis server of the project's machines, CI's included (127.0.0.1:6379, nothing kept on disk). Each test
 * class takes keys under a prefix of its own and deletes them when done. Without Redis, the tests that need it
 * fail and say so; they never pass silently.
 * <p>
 * Its own calls use the bare Vert.x API, not Mutiny's: a test resource starts between two Quarkus applications,
 * when Mutiny's context-propagation hook still points at the stopped one.
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

    private static <T> T await(Future<T> future, Duration timeout) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Redis did not answer within " + timeout, e);
        }
    }

    /** A connection to the machine's Redis, checked; an error that says what is missing otherwise. */
    public static LocalRedis connect() {
        LocalRedis redis = new LocalRedis();
        try {
            await(redis.api.ping(List.of()), Duration.ofSeconds(3));
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

    /** The Mutiny API over the same connection, as the gateway's budget store takes it. */
    public io.vertx.mutiny.redis.client.RedisAPI api() {
        return io.vertx.mutiny.redis.client.RedisAPI.newInstance(api);
    }

    /** The keys under this test's prefix. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            Response page = await(api.scan(List.of(cursor, "MATCH", keyPrefix + "*", "COUNT", "1000")), Duration.ofSeconds(10));
            cursor = page.get(0).toString();
            page.get(1).forEach(key -> keys.add(key.toString()));
        } while (!cursor.equals("0"));
        return keys;
    }

    /** Milliseconds until the key expires. */
    public long millisToLive(String key) {
        return await(api.pttl(key), Duration.ofSeconds(10)).toLong();
    }

    @Override
    public void close() {
        try {
            List<String> keys = keys();
            if (!keys.isEmpty()) {
                await(api.del(keys), Duration.ofSeconds(10));
            }
        } catch (RuntimeException ignored) {
            // Nothing to clean when Redis was not there.
        }
        await(vertx.close(), Duration.ofSeconds(10));
    }
}
