package dev.attrgateway.pool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.attrgateway.attributes.WritePolicy;
import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.ops.GatewayMetrics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The configuration of every pool the gateway serves (its own, then those admins may name), read from Cognito at
 * start and again every {@code gateway.pool.refresh-interval}, on Vert.x timers: nothing waits for it. A pool that
 * cannot be read keeps its last configuration in force, or none (the gateway's own checks only) until a first read
 * succeeds; it is read again sooner, with backoff, and one warning says so per outage. What deserves an operator's
 * attention is logged when first seen and when it changes: an auto-verified attribute the pool does not keep until
 * verified, an accepted app client that lets users write what the gateway keeps read-only for them.
 */
@ApplicationScoped
public class PoolConfigurations {

    /** The standard attributes Cognito verifies with a code; the only values the risk gauge is tagged with. */
    static final List<String> VERIFIED_STANDARD_ATTRIBUTES = List.of("email", "phone_number");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final CognitoCalls cognito;
    private final WritePolicy writePolicy;
    private final Vertx vertx;
    private final String servedPool;
    private final List<String> clientIds;
    private final Duration refreshInterval;
    private final List<String> pools;
    private final Map<String, PoolConfiguration> known = new ConcurrentHashMap<>();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    private volatile boolean firstReadEnded;
    private volatile boolean stopped;
    private volatile long timer = -1;
    /** Rounds that failed in a row; only the round that just ended touches it. */
    private int failedRounds;

    PoolConfigurations(CognitoCalls cognito, WritePolicy writePolicy, Vertx vertx, GatewayConfig config,
            GatewayMetrics metrics) {
        this.cognito = cognito;
        this.writePolicy = writePolicy;
        this.vertx = vertx;
        this.servedPool = config.userPoolId();
        this.clientIds = config.clientIds().map(ids -> List.copyOf(new TreeSet<>(ids))).orElse(List.of());
        this.refreshInterval = config.pool().refreshInterval();
        Set<String> all = new LinkedHashSet<>();
        all.add(servedPool);
        config.allowedUserPoolIds().ifPresent(all::addAll);
        this.pools = List.copyOf(all);
        VERIFIED_STANDARD_ATTRIBUTES.forEach(attribute -> metrics.unverifiedUpdatesRisky(attribute,
                () -> (int) known.values().stream().filter(pool -> pool.unverifiedUpdatesRisky().contains(attribute))
                        .count()));
    }

    void start(@Observes StartupEvent event) {
        vertx.runOnContext(ignored -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    /** The pool's configuration as last read, if it was ever read. */
    public Optional<PoolConfiguration> of(String userPoolId) {
        return Optional.ofNullable(known.get(userPoolId));
    }

    /** The configuration of the pool the gateway serves (self-service), if it was ever read. */
    public Optional<PoolConfiguration> served() {
        return of(servedPool);
    }

    /** Whether the first reading of every pool has ended, read or not. */
    boolean firstReadEnded() {
        return firstReadEnded;
    }

    /** For each pool: whether its configuration is read, and what it lets users change unverified. */
    Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String pool : pools) {
            PoolConfiguration configuration = known.get(pool);
            state.put(pool, configuration == null ? "not read"
                    : unreadable.contains(pool) ? "last read in force" : "read");
            if (configuration != null && !configuration.unverifiedUpdatesRisky().isEmpty()) {
                state.put(pool + " unverifiedUpdatesRisky", String.join(",", configuration.unverifiedUpdatesRisky()));
            }
        }
        return state;
    }

    private void refresh() {
        Multi.createFrom().iterable(pools)
                .onItem().transformToUniAndMerge(this::read)
                .collect().asList()
                .subscribe().with(results -> roundEnded(results.stream().allMatch(Boolean::booleanValue)));
    }

    private Uni<Boolean> read(String pool) {
        return Uni.combine().all().unis(cognito.describeUserPool(pool), clients(pool)).asTuple()
                .map(answer -> PoolConfiguration.of(answer.getItem1(), answer.getItem2()))
                .map(configuration -> {
                    update(pool, configuration);
                    return true;
                })
                .onFailure().recoverWithItem(failure -> {
                    unreadable(pool, GatewayException.from(failure));
                    return false;
                });
    }

    /** The app clients of the served pool whose tokens the gateway accepts; other pools serve no user directly. */
    private Uni<Map<String, UserPoolClientType>> clients(String pool) {
        if (!pool.equals(servedPool) || clientIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Multi.createFrom().iterable(clientIds)
                .onItem().transformToUniAndConcatenate(clientId -> cognito.describeUserPoolClient(pool, clientId)
                        .map(client -> Map.entry(clientId, client)))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private void roundEnded(boolean allRead) {
        firstReadEnded = true;
        failedRounds = allRead ? 0 : failedRounds + 1;
        Duration delay = allRead ? refreshInterval : backoff(failedRounds);
        if (!stopped) {
            timer = vertx.setTimer(Math.max(1, delay.toMillis()), ignored -> refresh());
        }
    }

    /** 1 s, 2 s, 4 s... after each failed round, never longer than the refresh interval. */
    private Duration backoff(int failed) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failed - 1, 20));
        return delay.compareTo(refreshInterval) > 0 ? refreshInterval : delay;
    }

    private void update(String pool, PoolConfiguration configuration) {
        PoolConfiguration previous = known.put(pool, configuration);
        if (unreadable.remove(pool)) {
            Log.infof("The configuration of user pool %s is read again", pool);
        }
        Set<String> wasRisky = previous == null ? Set.of() : previous.unverifiedUpdatesRisky();
        for (String attribute : configuration.unverifiedUpdatesRisky()) {
            if (!wasRisky.contains(attribute)) {
                Log.warnf("User pool %s sends a code to verify a new %s but does not keep the previous value until"
                        + " it is verified: the new value is in effect, unverified, before its owner proved it is"
                        + " theirs. Add %s to the pool's AttributesRequireVerificationBeforeUpdate"
                        + " (UserAttributeUpdateSettings).", pool, attribute, attribute);
            }
        }
        for (String attribute : wasRisky) {
            if (!configuration.unverifiedUpdatesRisky().contains(attribute)) {
                Log.infof("User pool %s now keeps the previous %s until a new one is verified", pool, attribute);
            }
        }
        configuration.clientWriteAttributes().keySet().forEach(clientId -> {
            Set<String> aroundPolicy = aroundWritePolicy(configuration.writableAtLeastThrough(clientId));
            Set<String> before = previous == null || !previous.clientWriteAttributes().containsKey(clientId) ? Set.of()
                    : aroundWritePolicy(previous.writableAtLeastThrough(clientId));
            if (!aroundPolicy.isEmpty() && !aroundPolicy.equals(before)) {
                Log.warnf("App client %s lets users write %s, which the gateway lets only administrators change:"
                        + " users can still change them by calling Cognito with their access token. Remove them"
                        + " from the client's WriteAttributes.", clientId, aroundPolicy);
            }
        });
    }

    /** What the client lets users write that the gateway keeps read-only for them (the real control is Cognito's). */
    private Set<String> aroundWritePolicy(Set<String> writable) {
        Set<String> both = new TreeSet<>(writable);
        both.retainAll(writePolicy.readOnlyForUsers());
        return both;
    }

    private void unreadable(String pool, GatewayException failure) {
        if (unreadable.add(pool)) {
            Log.warnf("Could not read the configuration of user pool %s (%s): %s; trying again with backoff", pool,
                    failure.code(), known.containsKey(pool) ? "the last one read stays in force"
                            : "until it is read, attributes are checked by the gateway's own rules only");
        }
    }
}
