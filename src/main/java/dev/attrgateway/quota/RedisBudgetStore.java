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
 * a Redis Cluster they live in one slot, as one script must.
 */
public final class RedisBudgetStore implements BudgetStore {

    private static final String SCRIPT = script();
    private static final String SCRIPT_SHA = sha1(SCRIPT);

    private final RedisAPI redis;
    private final String keyPrefix;

    public RedisBudgetStore(RedisAPI redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Uni<Decision> take(List<Budget> budgets, Duration maxWait) {
        List<String> arguments = new ArrayList<>(3 + 3 * budgets.size());
        arguments.add(SCRIPT_SHA);
        arguments.add(String.valueOf(budgets.size()));
        budgets.forEach(budget -> arguments.add(key(budget)));
        arguments.add(String.valueOf(micros(maxWait)));
        budgets.forEach(budget -> {
            arguments.add(String.valueOf(budget.capacity()));
            arguments.add(String.valueOf(micros(budget.period())));
        });
        return redis.evalsha(arguments)
                // The first call on a Redis that has not seen the script yet sends it whole; Redis keeps it.
                .onFailure(failure -> String.valueOf(failure.getMessage()).startsWith("NOSCRIPT"))
                .recoverWithUni(() -> {
                    List<String> withScript = new ArrayList<>(arguments);
                    withScript.set(0, SCRIPT);
                    return redis.eval(withScript);
                })
                .map(answer -> decision(answer, budgets));
    }

    private static Decision decision(Response answer, List<Budget> budgets) {
        Duration wait = Duration.of(answer.get(2).toLong(), ChronoUnit.MICROS);
        return answer.get(0).toInteger() == 1 ? Decision.grantedAfter(wait)
                : Decision.refused(budgets.get(answer.get(1).toInteger() - 1), wait);
    }

    /** Connects, and has Redis keep the script, so that the first call costs one round trip like the others. */
    @Override
    public Uni<Void> open() {
        return redis.script(List.of("LOAD", SCRIPT)).replaceWithVoid();
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

    private static String script() {
        try (InputStream in = RedisBudgetStore.class.getResourceAsStream("/quota/take-permits.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }
}
