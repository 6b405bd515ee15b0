package dev.attrgateway.quota;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * Budgets shared by every replica, in Redis: all the buckets of a call are taken in one atomic script, one round
 * trip (quota/take-permits.lua, the arithmetic of {@link LocalBudgetStore}). Keys carry a hash of the caller,
 * never its name; they expire once their bucket would be full again. All of them share one hash tag, so that on
 * a Redis Cluster they live in one slot, as one script must. The replicas also count themselves here
 * (quota/heartbeat.lua), in one sorted set.
 */
public final class RedisBudgetStore implements BudgetStore, Fleet {

    private static final Script TAKE_PERMITS = Script.load("/quota/take-permits.lua");
    private static final Script HEARTBEAT = Script.load("/quota/heartbeat.lua");

    private final RedisAPI redis;
    private final String keyPrefix;

    public RedisBudgetStore(RedisAPI redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Uni<Decision> take(List<Budget> budgets, Duration maxWait) {
        List<String> keys = budgets.stream().map(this::key).toList();
        List<String> arguments = new ArrayList<>(1 + 2 * budgets.size());
        arguments.add(String.valueOf(micros(maxWait)));
        budgets.forEach(budget -> {
            arguments.add(String.valueOf(budget.capacity()));
            arguments.add(String.valueOf(micros(budget.period())));
        });
        return TAKE_PERMITS.run(redis, keys, arguments).map(answer -> decision(answer, budgets));
    }

    @Override
    public Uni<Integer> heartbeat(String replica, Duration liveFor) {
        return HEARTBEAT.run(redis, List.of(replicasKey()), List.of(replica, String.valueOf(liveFor.toMillis())))
                .map(Response::toInteger);
    }

    @Override
    public Uni<Void> leave(String replica) {
        return redis.zrem(List.of(replicasKey(), replica)).replaceWithVoid();
    }

    private String replicasKey() {
        return keyPrefix + "replicas";
    }

    private static Decision decision(Response answer, List<Budget> budgets) {
        Duration wait = Duration.of(answer.get(2).toLong(), ChronoUnit.MICROS);
        return answer.get(0).toInteger() == 1 ? Decision.grantedAfter(wait)
                : Decision.refused(budgets.get(answer.get(1).toInteger() - 1), wait);
    }

    /** Connects, and has Redis keep the script, so that the first call costs one round trip like the others. */
    @Override
    public Uni<Void> open() {
        return redis.script(List.of("LOAD", TAKE_PERMITS.text())).replaceWithVoid();
    }

    /** A category's key names it; a caller's carries a hash of who it is, which says nothing of them. */
    String key(Budget budget) {
        String owner = budget.kind() == Budget.Kind.CATEGORY ? budget.name() : hash(budget.key());
        return keyPrefix + budget.kind().label() + ":" + owner;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    /** A Lua script, run by its SHA-1 once Redis has seen it. */
    private record Script(String text, String sha) {

        static Script load(String resource) {
            try (InputStream in = RedisBudgetStore.class.getResourceAsStream(resource)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Script(text, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(text.getBytes(StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is part of every Java platform", e);
            }
        }

        Uni<Response> run(RedisAPI redis, List<String> keys, List<String> arguments) {
            List<String> call = new ArrayList<>(2 + keys.size() + arguments.size());
            call.add(sha);
            call.add(String.valueOf(keys.size()));
            call.addAll(keys);
            call.addAll(arguments);
            return redis.evalsha(call)
                    // The first call on a Redis that has not seen the script yet sends it whole; Redis keeps it.
                    .onFailure(failure -> String.valueOf(failure.getMessage()).startsWith("NOSCRIPT"))
                    .recoverWithUni(() -> {
                        List<String> withScript = new ArrayList<>(call);
                        withScript.set(0, text);
                        return redis.eval(withScript);
                    });
        }
    }
}
