package dev.attrgateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.attrgateway.ops.GatewayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Which store decides each call, what the other one learns of it, and how the shares follow the live replicas.
 * The shared store here answers as told (at once, never, a refused connection); the local one is the real one.
 */
class SharedBudgetStoreTest {

    private static final Duration TIMEOUT = Duration.ofMillis(50);
    private static final int USER_UPDATE = 12;
    private static final List<Budget> BUDGETS = List.of(Budget.category(QuotaCategory.USER_UPDATE, USER_UPDATE));

    /** A shared store that answers each call as told, and counts the replicas it is told are live. */
    private static final class Shared implements BudgetStore, Fleet {
        volatile Uni<Decision> answer = Uni.createFrom().item(Decision.grantedAfter(Duration.ZERO));
        volatile Uni<Integer> liveReplicas = Uni.createFrom().item(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Uni<Decision> take(List<Budget> budgets, Duration maxWait) {
            calls.incrementAndGet();
            return answer;
        }

        @Override
        public Uni<Integer> heartbeat(String replica, Duration liveFor) {
            return liveReplicas;
        }

        @Override
        public Uni<Void> leave(String replica) {
            return Uni.createFrom().voidItem();
        }
    }

    private final Shared shared = new Shared();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SharedBudgetStore store = new SharedBudgetStore(shared, new LocalBudgetStore(), TIMEOUT, 2,
            new GatewayMetrics(registry));

    @AfterEach
    void close() {
        store.close().await().indefinitely();
    }

    @Test
    void aLateAnswerWhileTheStoreAnswersOthersTakesOnlyThatCallsPermitsLocally() {
        assertTrue(take());
        shared.answer = Uni.createFrom().nothing();
        assertTrue(take());
        shared.answer = Uni.createFrom().item(BudgetStore.Decision.grantedAfter(Duration.ZERO));

        assertTrue(take());

        assertEquals(3, shared.calls.get(), "the next call asks the shared store again");
        assertEquals(0, fallback());
    }

    @Test
    void aStoreThatAnswersNothingForASecondIsOutOfReach() throws InterruptedException {
        shared.answer = Uni.createFrom().nothing();
        assertTrue(take());
        assertEquals(0, fallback());

        Thread.sleep(1_100);
        assertTrue(take());
        assertTrue(take());

        assertEquals(1, fallback());
        assertEquals(2, shared.calls.get(), "out of reach: asked again only a second later");
    }

    @Test
    void aRefusedConnectionIsAnOutageAtOnce() {
        outage();
        assertTrue(take());
        assertTrue(take());

        assertEquals(1, fallback());
        assertEquals(1, shared.calls.get());
    }

    @Test
    void withoutAnAnswerFromTheFleetTheShareIsTheConfiguredReplicas() {
        outage();

        assertEquals(USER_UPDATE / 2, grantedHere(), "half of the pool-wide budget, for two replicas configured");
    }

    @Test
    void theShareIsTheBudgetDividedByTheLiveReplicas() {
        shared.liveReplicas = Uni.createFrom().item(4);
        store.open().await().indefinitely();

        outage();

        assertEquals(4, replicas());
        assertEquals(USER_UPDATE / 4, grantedHere(), "a quarter of the pool-wide budget, for four live replicas");
    }

    @Test
    void theConfiguredReplicasAreTheFloorOfTheCount() {
        shared.liveReplicas = Uni.createFrom().item(1);
        store.open().await().indefinitely();

        assertEquals(2, replicas());
    }

    @Test
    void whatTheSharedStoreGrantedIsSpentHereToo() {
        for (int i = 0; i < USER_UPDATE / 2 - 1; i++) {
            assertTrue(take());
        }

        outage();

        assertEquals(1, grantedHere(), "the share was spent through the shared store but for one permit");
    }

    /** The shared store refuses connections: the next call starts an outage, every call is decided here. */
    private void outage() {
        shared.answer = Uni.createFrom().failure(new java.net.ConnectException("refused"));
    }

    /** How many calls in a row this replica lets go on its own, waiting for none. */
    private int grantedHere() {
        int granted = 0;
        while (take()) {
            granted++;
        }
        return granted;
    }

    private boolean take() {
        return store.take(BUDGETS, Duration.ZERO).await().atMost(Duration.ofSeconds(1)).granted();
    }

    private double fallback() {
        return registry.get("gateway.quota.store.fallback").gauge().value();
    }

    private double replicas() {
        return registry.get("gateway.quota.replicas").gauge().value();
    }
}
