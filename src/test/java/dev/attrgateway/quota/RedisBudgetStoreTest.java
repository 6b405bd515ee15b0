package dev.attrgateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.attrgateway.quota.BudgetStore.Decision;
import dev.attrgateway.support.LocalRedis;

/**
 * The budgets in the machine's real Redis, as two replicas' stores see them: the arithmetic of the local store,
 * one budget for the two, and keys that name no one and go away by themselves.
 */
class RedisBudgetStoreTest {

    private static final Duration MAX_WAIT = Duration.ofMillis(250);

    private static LocalRedis redis;
    private static RedisBudgetStore replica1;
    private static RedisBudgetStore replica2;

    @BeforeAll
    static void connect() {
        redis = LocalRedis.connect();
        replica1 = new RedisBudgetStore(redis.api(), redis.keyPrefix());
        replica2 = new RedisBudgetStore(redis.api(), redis.keyPrefix());
    }

    @AfterAll
    static void cleanUp() {
        redis.close();
    }

    @Test
    void aBudgetGivesItsCapacityAtOnceThenReservesWithinTheMaximumWaitThenRefuses() {
        Budget caller = Budget.caller("arithmetic", 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(Duration.ZERO, take(replica1, caller).delay());
        }
        Decision reserved = take(replica1, caller);
        Decision refused = take(replica1, caller);

        // 4 per second: the 5th permit is up to a quarter of a second away (less what the calls above took).
        assertTrue(reserved.granted() && reserved.delay().compareTo(Duration.ofMillis(250)) <= 0
                && reserved.delay().compareTo(MAX_WAIT) <= 0, "reserved: " + reserved);
        assertFalse(refused.granted());
        assertSame(caller, refused.refusedBy());
        assertTrue(refused.retryAfter().compareTo(MAX_WAIT) > 0, "retry after " + refused.retryAfter());
    }

    @Test
    void aRefusalSpendsNothingFromTheOtherBudgets() {
        Budget caller = Budget.caller("all-or-nothing", 10);
        Budget codes = Budget.codes("all-or-nothing", 1);
        Budget category = Budget.category(QuotaCategory.USER_UPDATE, 10);
        assertTrue(take(replica1, caller, codes, category).granted());

        for (int i = 0; i < 5; i++) {
            assertSame(codes, take(replica2, caller, codes, category).refusedBy());
        }

        for (int i = 0; i < 9; i++) {
            assertTrue(take(replica1, caller, category).granted(), "permit " + (i + 2) + " of 10");
        }
    }

    @Test
    void twoReplicasHoldOneBudgetTogether() throws InterruptedException {
        int perSecond = 20;
        Budget category = new Budget(Budget.Kind.CATEGORY, "Fleet", "category:Fleet", perSecond, Duration.ofSeconds(1));
        AtomicInteger granted = new AtomicInteger();
        long started = System.nanoTime();
        long until = started + Duration.ofSeconds(2).toNanos();

        List<Thread> callers = new ArrayList<>();
        for (RedisBudgetStore replica : List.of(replica1, replica2, replica1, replica2)) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < until) {
                    if (replica.take(List.of(category), Duration.ZERO).await().indefinitely().granted()) {
                        granted.incrementAndGet();
                    }
                }
            });
            thread.start();
            callers.add(thread);
        }
        for (Thread caller : callers) {
            caller.join();
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        // The burst of a full bucket, then the refill: never more, whichever replica asks.
        assertTrue(granted.get() <= perSecond + perSecond * seconds + 1, granted + " permits in " + seconds + " s");
        assertTrue(granted.get() >= perSecond + perSecond * 1.5, granted + " permits in " + seconds + " s");
    }

    @Test
    void keysNameNoCallerAndExpireOnceTheirBucketIsFull() {
        String caller = "alice@example.com";
        take(replica1, Budget.caller(caller, 10), Budget.codes(caller, 10),
                Budget.category(QuotaCategory.USER_READ, 120));

        List<String> keys = redis.keys();
        assertEquals(3, keys.size(), "keys: " + keys);
        keys.forEach(key -> {
            assertFalse(key.contains("alice") || key.contains("example"), "a key names the caller: " + key);
            long ttl = redis.millisToLive(key);
            long period = key.contains(":codes:") ? Duration.ofHours(1).toMillis() : 1_000;
            assertTrue(ttl > 0 && ttl <= period + MAX_WAIT.toMillis() + 1_000, key + " lives " + ttl + " ms");
        });
    }

    private static Decision take(RedisBudgetStore store, Budget... budgets) {
        return store.take(List.of(budgets), MAX_WAIT).await().atMost(Duration.ofSeconds(5));
    }
}
