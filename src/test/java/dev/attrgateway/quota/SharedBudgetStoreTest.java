package dev.attrgateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.attrgateway.observability.GatewayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/** When a late answer is one call's problem, and when the shared store is out of reach for all of them. */
class SharedBudgetStoreTest {

    private static final Duration TIMEOUT = Duration.ofMillis(50);
    private static final List<Budget> BUDGETS = List.of(Budget.category(QuotaCategory.USER_UPDATE, 10));

    /** A shared store that answers each call as told: at once, never, or with a refused connection. */
    private static final class Shared implements BudgetStore {
        volatile Uni<Decision> answer = Uni.createFrom().item(Decision.grantedAfter(Duration.ZERO));
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Uni<Decision> take(List<Budget> budgets, Duration maxWait) {
            calls.incrementAndGet();
            return answer;
        }
    }

    private final Shared shared = new Shared();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SharedBudgetStore store = new SharedBudgetStore(shared, new LocalBudgetStore(), TIMEOUT, 2,
            new GatewayMetrics(registry));

    @Test
    void aLateAnswerWhileTheStoreAnswersOthersTakesOnlyThatCallsPermitsLocally() {
        take();
        shared.answer = Uni.createFrom().nothing();
        take();
        shared.answer = Uni.createFrom().item(BudgetStore.Decision.grantedAfter(Duration.ZERO));

        take();

        assertEquals(3, shared.calls.get(), "the next call asks the shared store again");
        assertEquals(0, fallback());
    }

    @Test
    void aStoreThatAnswersNothingForASecondIsOutOfReach() throws InterruptedException {
        shared.answer = Uni.createFrom().nothing();
        take();
        assertEquals(0, fallback());

        Thread.sleep(1_100);
        take();
        take();

        assertEquals(1, fallback());
        assertEquals(2, shared.calls.get(), "out of reach: asked again only a second later");
    }

    @Test
    void aRefusedConnectionIsAnOutageAtOnce() {
        shared.answer = Uni.createFrom().failure(new java.net.ConnectException("refused"));
        take();
        take();

        assertEquals(1, fallback());
        assertEquals(1, shared.calls.get());
    }

    private void take() {
        BudgetStore.Decision decision = store.take(BUDGETS, Duration.ZERO).await().atMost(Duration.ofSeconds(1));
        assertTrue(decision.refusedBy() == null, "granted, from whichever store");
    }

    private double fallback() {
        return registry.get("gateway.quota.store.fallback").gauge().value();
    }
}
