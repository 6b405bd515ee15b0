package dev.attrgateway.quota;

import java.time.Duration;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * Where the budgets' buckets live: in this process, or shared by all replicas. The one thing a store does
 * is take one permit from each of several budgets, all or none.
 */
public interface BudgetStore {

    /**
     * Takes one permit from every budget, or from none. A permit that is only free within {@code maxWait} is
     * reserved: the decision says how long to wait before the call may go. A budget that cannot give one
     * within {@code maxWait} refuses, and the decision says which, and when to try again.
     */
    Uni<Decision> take(List<Budget> budgets, Duration maxWait);

    /** Gets the store ready before the first call needs it (a connection, a script); nothing to do by default. */
    default Uni<Void> open() {
        return Uni.createFrom().voidItem();
    }

    /** Lets go of what {@link #open} took; nothing to do by default. */
    default Uni<Void> close() {
        return Uni.createFrom().voidItem();
    }

    /** The outcome of {@link #take}: granted after {@code delay}, or refused by a budget until {@code retryAfter}. */
    record Decision(Duration delay, Budget refusedBy, Duration retryAfter) {

        public static Decision grantedAfter(Duration delay) {
            return new Decision(delay, null, null);
        }

        public static Decision refused(Budget budget, Duration retryAfter) {
            return new Decision(null, budget, retryAfter);
        }

        public boolean granted() {
            return refusedBy == null;
        }
    }
}
