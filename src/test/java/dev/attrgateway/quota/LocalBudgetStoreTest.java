package dev.attrgateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.attrgateway.quota.BudgetStore.Decision;
import io.github.bucket4j.TimeMeter;

/** The arithmetic of the local budgets, on a clock the test moves. */
class LocalBudgetStoreTest {

    private static final Duration MAX_WAIT = Duration.ofMillis(250);

    private final AtomicLong now = new AtomicLong();
    private final LocalBudgetStore store = new LocalBudgetStore(new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    });

    @Test
    void aBudgetGivesItsCapacityAtOnceThenRefusesWithWhenToRetry() {
        Budget caller = Budget.caller("alice", 2);

        assertEquals(Duration.ZERO, store.decide(List.of(caller), Duration.ZERO).delay());
        assertEquals(Duration.ZERO, store.decide(List.of(caller), Duration.ZERO).delay());
        Decision third = store.decide(List.of(caller), Duration.ZERO);

        assertFalse(third.granted());
        assertSame(caller, third.refusedBy());
        assertEquals(Duration.ofMillis(500), third.retryAfter(), "one permit every 500 ms at 2 per second");
    }

    @Test
    void aPermitFreeWithinTheMaximumWaitIsReservedAndTheCallWaits() {
        Budget caller = Budget.caller("alice", 4);
        for (int i = 0; i < 4; i++) {
            store.decide(List.of(caller), MAX_WAIT);
        }

        assertEquals(Duration.ofMillis(250), store.decide(List.of(caller), MAX_WAIT).delay());
        Decision beyond = store.decide(List.of(caller), MAX_WAIT);

        assertFalse(beyond.granted(), "the next permit is 500 ms away, beyond the maximum wait");
        assertEquals(Duration.ofMillis(500), beyond.retryAfter());
    }

    @Test
    void theBudgetRefillsWithTime() {
        Budget caller = Budget.caller("alice", 2);
        store.decide(List.of(caller), Duration.ZERO);
        store.decide(List.of(caller), Duration.ZERO);

        now.addAndGet(Duration.ofMillis(500).toNanos());

        assertTrue(store.decide(List.of(caller), Duration.ZERO).granted());
        assertFalse(store.decide(List.of(caller), Duration.ZERO).granted());
    }

    @Test
    void aRefusalSpendsNothingFromTheOtherBudgets() {
        Budget caller = Budget.caller("alice", 10);
        Budget codes = Budget.codes("alice", 1);
        Budget category = Budget.category(QuotaCategory.USER_UPDATE, 10);
        assertTrue(store.decide(List.of(caller, codes, category), MAX_WAIT).granted());

        for (int i = 0; i < 5; i++) {
            Decision refused = store.decide(List.of(caller, codes, category), MAX_WAIT);
            assertSame(codes, refused.refusedBy());
            assertEquals(Duration.ofHours(1), refused.retryAfter());
        }

        // Nine of each of the others are left: the five refusals took none.
        for (int i = 0; i < 9; i++) {
            assertEquals(Duration.ZERO, store.decide(List.of(caller, category), Duration.ZERO).delay());
        }
        assertFalse(store.decide(List.of(caller, category), Duration.ZERO).granted());
    }

    @Test
    void budgetsAreKeptApartByTheirKeys() {
        assertTrue(store.decide(List.of(Budget.caller("alice", 1)), Duration.ZERO).granted());

        assertTrue(store.decide(List.of(Budget.caller("bob", 1)), Duration.ZERO).granted());
        assertFalse(store.decide(List.of(Budget.caller("alice", 1)), Duration.ZERO).granted());
    }

    @Test
    void theWaitIsTheLongestOfTheBudgetsReserved() {
        Budget caller = Budget.caller("alice", 10);
        Budget category = Budget.category(QuotaCategory.USER_READ, 8);
        for (int i = 0; i < 8; i++) {
            store.decide(List.of(category), Duration.ZERO);
        }

        assertEquals(Duration.ofMillis(125), store.decide(List.of(caller, category), MAX_WAIT).delay());
    }
}
