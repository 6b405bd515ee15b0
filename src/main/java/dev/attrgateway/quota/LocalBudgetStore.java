package dev.attrgateway.quota;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.smallrye.mutiny.Uni;

/**
 * Budgets in this process (Bucket4j's lock-free local buckets), for a single replica, dev mode and tests.
 * A bucket left alone until it is full again is forgotten, so memory follows the callers of the last
 * moments (and the code-sending users of the last hour), up to {@value #MAX_BUCKETS} buckets; past that,
 * the least recently used are forgotten first, and a forgotten bucket comes back full.
 */
public final class LocalBudgetStore implements BudgetStore {

    static final int MAX_BUCKETS = 100_000;

    private final TimeMeter clock;
    private final Cache<String, Held> buckets;

    public LocalBudgetStore() {
        this(TimeMeter.SYSTEM_NANOTIME);
    }

    LocalBudgetStore(TimeMeter clock) {
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .expireAfter(Expiry.accessing((String key, Held held) -> held.untilFull()))
                .maximumSize(MAX_BUCKETS)
                .build();
    }

    @Override
    public Uni<Decision> take(List<Budget> budgets, Duration maxWait) {
        return Uni.createFrom().item(() -> decide(budgets, maxWait));
    }

    /**
     * Looks at every budget first, so that one that cannot give in time refuses without spending anything;
     * then reserves from each. Two calls racing for the last permits may both pass the first look: the
     * second then gives back what it reserved.
     */
    Decision decide(List<Budget> budgets, Duration maxWait) {
        long maxWaitNanos = maxWait.toNanos();
        for (Budget budget : budgets) {
            EstimationProbe probe = bucket(budget, maxWait).estimateAbilityToConsume(1);
            if (!probe.canBeConsumed() && probe.getNanosToWaitForRefill() > maxWaitNanos) {
                return Decision.refused(budget, Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
        long wait = 0;
        List<Bucket> reserved = new ArrayList<>(budgets.size());
        for (Budget budget : budgets) {
            Bucket bucket = bucket(budget, maxWait);
            long bucketWait = bucket.consumeIgnoringRateLimits(1);
            if (bucketWait > maxWaitNanos) {
                bucket.addTokens(1);
                reserved.forEach(taken -> taken.addTokens(1));
                return Decision.refused(budget, Duration.ofNanos(bucketWait));
            }
            reserved.add(bucket);
            wait = Math.max(wait, bucketWait);
        }
        return Decision.grantedAfter(Duration.ofNanos(wait));
    }

    /**
     * Takes a permit from each budget that has one left, at once and never below zero: the record of a call another
     * store let go, so that these budgets know what was spent while they did not decide.
     */
    void record(List<Budget> budgets, Duration maxWait) {
        budgets.forEach(budget -> bucket(budget, maxWait).tryConsume(1));
    }

    private Bucket bucket(Budget budget, Duration maxWait) {
        return buckets.get(budget.key(), key -> new Held(Bucket.builder()
                .addLimit(limit -> limit.capacity(budget.capacity()).refillGreedy(budget.capacity(), budget.period()))
                .withCustomTimePrecision(clock)
                .build(),
                // Reservations may take a bucket below zero, by at most maxWait's worth.
                budget.period().plus(maxWait))).bucket();
    }

    /** A bucket, and how long it takes from empty (reservations included) to full: then it may be forgotten. */
    private record Held(Bucket bucket, Duration untilFull) {
    }
}
