package dev.attrgateway.quota;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.attrgateway.ops.GatewayMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The budgets of the whole fleet, in the shared store (Redis), with this replica's own buckets standing in for
 * the calls it does not answer in time. Each call is decided by one store: the shared one when it answers within
 * {@code gateway.quota.redis-timeout}, else this replica's. Neither starts from a full budget when the other has been
 * deciding: a permit the shared store grants is also taken here (when one is left; never below zero), and a late
 * answer stands in the shared store, where the call it let go, decided here, is then counted.
 * <p>
 * Here, the pool-wide budgets are cut to this replica's share: the budget divided by the replicas that are live,
 * which each replica learns from the shared store by saying every second that it is live (a replica silent for
 * five seconds no longer counts), and never by fewer than {@code gateway.quota.replicas}, which is all there is to
 * go by when the store was never reached. A caller's own budgets are not cut: a caller is one replica's, mostly.
 * <p>
 * A call the store refuses (no connection) starts an outage at once; so does a second without any answer. During an
 * outage every call is decided here, the store is asked again every second, and one line is logged when it starts
 * and one when it ends. A late answer alone is no outage: a replica whose CPU is saturated reads answers late.
 */
final class SharedBudgetStore implements BudgetStore {

    private static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(1);
    private static final Duration OPENING = Duration.ofSeconds(5);
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    static final Duration LIVE_FOR = Duration.ofSeconds(5);

    private final BudgetStore shared;
    private final Fleet fleet;
    private final LocalBudgetStore local;
    private final Duration timeout;
    private final int minReplicas;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicInteger replicas;
    /** When to ask the shared store again (System.nanoTime), or 0 while it answers. */
    private final AtomicLong askAgainAt = new AtomicLong();
    /** When the shared store last answered in time (System.nanoTime). */
    private final AtomicLong answeredAt = new AtomicLong(System.nanoTime());
    private volatile Cancellable heartbeats;

    <S extends BudgetStore & Fleet> SharedBudgetStore(S shared, LocalBudgetStore local, Duration timeout, int minReplicas,
            GatewayMetrics metrics) {
        this.shared = shared;
        this.fleet = shared;
        this.local = local;
        this.timeout = timeout;
        this.minReplicas = Math.max(1, minReplicas);
        this.replicas = new AtomicInteger(this.minReplicas);
        metrics.quotaStoreFallback(() -> askAgainAt.get() != 0);
        metrics.quotaReplicas(replicas::get);
    }

    @Override
    public Uni<Decision> take(List<Budget> budgets, Duration maxWait) {
        long askAt = askAgainAt.get();
        if (askAt != 0 && (System.nanoTime() < askAt || !askAgainAt.compareAndSet(askAt, later()))) {
            return local.take(share(budgets), maxWait);
        }
        return shared.take(budgets, maxWait)
                .ifNoItem().after(timeout).fail()
                .invoke(decision -> {
                    answered();
                    if (decision.granted()) {
                        local.record(share(budgets), maxWait);
                    }
                })
                .onFailure().recoverWithUni(failure -> {
                    if (!(failure instanceof TimeoutException)
                            || System.nanoTime() - answeredAt.get() > ASK_AGAIN_AFTER.toNanos()) {
                        outOfReach(failure);
                    }
                    return local.take(share(budgets), maxWait);
                });
    }

    /**
     * Joins the fleet and starts saying so every second. The shared store is given longer than a call to get ready:
     * connecting is slower than asking.
     */
    @Override
    public Uni<Void> open() {
        heartbeats = Multi.createFrom().ticks().every(HEARTBEAT).subscribe().with(tick -> heartbeat());
        return shared.open().chain(() -> fleet.heartbeat(replica, LIVE_FOR).invoke(this::live).replaceWithVoid())
                .ifNoItem().after(OPENING).fail()
                .onFailure().invoke(this::outOfReach).onFailure().recoverWithNull();
    }

    /** Leaves the fleet, so that the others' shares grow at once. */
    @Override
    public Uni<Void> close() {
        if (heartbeats != null) {
            heartbeats.cancel();
        }
        return fleet.leave(replica).ifNoItem().after(HEARTBEAT).fail().onFailure().recoverWithNull();
    }

    /** The live replicas by the last answer; an unanswered heartbeat keeps the last count. */
    private void heartbeat() {
        fleet.heartbeat(replica, LIVE_FOR).ifNoItem().after(HEARTBEAT).fail()
                .subscribe().with(this::live, failure -> Log.debugf("No heartbeat answer: %s", failure.getClass()));
    }

    private void live(int count) {
        replicas.set(Math.max(minReplicas, count));
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
                    replicas.get());
        }
    }

    private long later() {
        return System.nanoTime() + ASK_AGAIN_AFTER.toNanos();
    }

    /** The budgets this replica may spend alone: its share of the pool-wide ones, the callers' as they are. */
    private List<Budget> share(List<Budget> budgets) {
        int fleetSize = replicas.get();
        return budgets.stream().map(budget -> budget.kind() == Budget.Kind.CATEGORY
                ? budget.withCapacity(Math.max(1, budget.capacity() / fleetSize)) : budget).toList();
    }
}
