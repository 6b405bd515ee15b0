package dev.attrgateway.cognito;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings an asynchronous answer back to the Vert.x context of whoever subscribed, not the thread that
 * completed it (the SDK's, a timer's, another request's), so that the rest of the request runs where Quarkus
 * expects it: its request context, the class loader of the running application.
 */
final class CallerContext {

    private CallerContext() {
    }

    static <T> Uni<T> resumeOnCallerContext(Uni<T> answer) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }
}
