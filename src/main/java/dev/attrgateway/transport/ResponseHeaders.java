package dev.attrgateway.transport;

import dev.attrgateway.ops.RequestId;
import io.vertx.ext.web.RoutingContext;

/**
 * What every GraphQL answer carries whatever it says: it is not to be stored by caches (it holds personal
 * data) nor sniffed as another type, and it names its request id ({@link RequestId}).
 */
final class ResponseHeaders {

    static final String REQUEST_ID = "X-Request-Id";

    private ResponseHeaders() {
    }

    static void apply(RoutingContext context) {
        context.response()
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader(REQUEST_ID, RequestId.start(context.request().getHeader(REQUEST_ID)));
    }
}
