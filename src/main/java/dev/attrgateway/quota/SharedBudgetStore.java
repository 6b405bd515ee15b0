package dev.attrgateway.quota;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.attrgateway.observability.GatewayMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * The budgets of the whole fleet, as long as the shared store (Redis) answers in time. When it does not, a
 * Redis outage degrades fairness, not availability: the replica takes its permits from its own budgets, the
 * pool-wide ones cut to its share ({@code gateway.quota.replicas}), warns once, asks Redis again every second,
 * and goes back to it when it answers.
 * <p>
 * A call the store refuses (no connection) starts an outage at once. A call it does not answer in time only
 * takes that call's permits locally: a replica whose CPU is saturated reads answers late (the deadline counts
 * the time they wait to be read), and under the benchmark's load that alone declared an outage a second. An
 * outage starts when the store has answered nothing for a second.
 */
final class SharedBudgetStore implements BudgetStore {

    private static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(1);
    private static final Duration OPENING = Duration.ofSeconds(5);

    private final BudgetStore shared;
    private final BudgetStore local;
    private final Duration timeout;
    private final int replicas;
    /** When to ask the shared store again (System.nanoTime), or 0 while it answers. */
    private final AtomicLong askAgainAt = new AtomicLong();
    /** When the shared store last answered in time (System.nanoTime). */
    private final AtomicLong answeredAt = new AtomicLong(System.nanoTime());

    SharedBudgetStore(BudgetStore shared, BudgetStore local, Duration timeout, int replicas, GatewayMetrics metrics) {
        this.shared = shared;
        this.local = local;
        this.timeout = timeout;
        this.replicas = Math.max(1, replicas);
        metrics.quotaStoreFallback(() -> askAgainAt.get() != 0);
    }

    @Override
    public Uni<Decision> take(List<Budget> budgets, Duration maxWait) {
        long askAt = askAgainAt.get();
        if (askAt != 0 && (System.nanoTime() < askAt || !askAgainAt.compareAndSet(askAt, later()))) {
            return local.take(share(budgets), maxWait);
        }
        return shared.take(budgets, maxWait)
                .ifNoItem().after(timeout).fail()
                .invoke(this::answered)
                .onFailure().recoverWithUni(failure -> {
                    if (!(failure instanceof TimeoutException)
                            || System.nanoTime() - answeredAt.get() > ASK_AGAIN_AFTER.toNanos()) {
                        outOfReach(failure);
                    }
                    return local.take(share(budgets), maxWait);
                });
    }

    /** The shared store is given longer than a call to get ready: connecting is slower than asking. */
    @Override
    public Uni<Void> open() {
        return shared.open().ifNoItem().after(OPENING).fail()
                .onFailure().invoke(this::outOfReach).onFailure().recoverWithNull();
    }

    private void answered() {
        answeredAt.set(System.nanoTime());
        if (askAgainAt.getAndSet(0) != 0) {
            Log.info("The shared budget store answers again: the budgets are the fleet's again");
        }
    }

    private void outOfReach(Throwable failure) {
        if (askAgainAt.getAndSet(later()) == 0) {
            Log.warnf("The shared budget store is out of reach (%s): this replica uses its own budgets, 1/%d of the"
                    + " pool-wide ones, until it answers again", failure instanceof TimeoutException
                            ? "no answer within " + timeout.toMillis() + " ms" : failure.getClass().getSimpleName(),
                    replicas);
        }
    }

    private long later() {
        return System.nanoTime() + ASK_AGAIN_AFTER.toNanos();
    }

    /** The budgets this replica may spend alone: its share of the pool-wide ones, the callers' as they are. */
    private List<Budget> share(List<Budget> budgets) {
        return budgets.stream().map(budget -> budget.kind() == Budget.Kind.CATEGORY
                ? budget.withCapacity(Math.max(1, budget.capacity() / replicas)) : budget).toList();
    }
}
