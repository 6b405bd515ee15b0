package dev.attrgateway.transport;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, before anything else sees it, an HTTP/1 request whose body is framed by {@code Transfer-Encoding}: such a
 * request can be framed one way by a load balancer and another way here, and what one reads as its body the other
 * reads as a second request (request smuggling, RFC 9112 sections 6.1 and 6.3). Netty drops a
 * {@code Content-Length} sent beside {@code Transfer-Encoding: chunked} before the application sees the request, so
 * the two cannot be told apart from a plain chunked body: every {@code Transfer-Encoding} is refused. Clients send
 * GraphQL requests with a {@code Content-Length} (browsers, Apollo, urql and curl always do). The refusal is a 400,
 * and the connection is closed: a request that arrived behind it on the connection is never answered.
 */
@ApplicationScoped
class RequestFraming {

    /** Ahead of Quarkus' CORS (300) and authentication (200) filters, and of every route. */
    static final int PRIORITY = 10_000;

    /** Connections being closed after a refusal; Vert.x may hand over the next request before they are. */
    private final Set<HttpConnection> closing = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    void install(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        if (closing.contains(connection)) {
            connection.close();
        } else if (request.version() != HttpVersion.HTTP_2 && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            closing.add(connection);
            ResponseHeaders.apply(context);
            context.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .putHeader(HttpHeaders.CONTENT_TYPE, GraphQLOverHttp.JSON + "; charset=utf-8")
                    .end(ErrorRendering.body(GatewayException.of(ErrorCode.BAD_REQUEST,
                            "Transfer-Encoding is not accepted: send the request body with a Content-Length")).toString())
                    .onComplete(written -> connection.close());
        } else {
            context.next();
        }
    }
}
