package dev.attrgateway.quota;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/** The replicas sharing the budgets: each says it is live now and then, and learns how many are. */
interface Fleet {

    /** Counts this replica as live for {@code liveFor}; the answer is the number of live replicas, this one included. */
    Uni<Integer> heartbeat(String replica, Duration liveFor);

    /** This replica stops: it no longer counts. */
    Uni<Void> leave(String replica);
}
