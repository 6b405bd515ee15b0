package dev.attrgateway.ops;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * What one GraphQL request leaves behind: its span, child of the HTTP request's (which continues an incoming
 * {@code traceparent}) and parent of its Cognito calls' spans, and its latency metric by operation and outcome.
 */
@ApplicationScoped
public class RequestTelemetry {

    private final Tracer tracer;
    private final GatewayMetrics metrics;

    RequestTelemetry(Tracer tracer, GatewayMetrics metrics) {
        this.tracer = tracer;
        this.metrics = metrics;
    }

    /** The request's span, current on the request's context until {@link Execution#finish}. */
    public Execution start(long startedNanos) {
        Span span = tracer.spanBuilder("graphql").startSpan();
        return new Execution(span, span.makeCurrent(), startedNanos);
    }

    /** A request refused before any operation ran (method, media type, body): its metric only. */
    public void refused(long startedNanos, String outcome) {
        metrics.graphqlRequest(List.of(), outcome, System.nanoTime() - startedNanos);
    }

    /** A request on its way through the GraphQL engine. */
    public final class Execution {

        private final Span span;
        private final Scope scope;
        private final long startedNanos;

        private Execution(Span span, Scope scope, long startedNanos) {
            this.span = span;
            this.scope = scope;
            this.startedNanos = startedNanos;
        }

        /** Ends the span, named after the operation, and records the metric; on the request's own context. */
        public void finish(List<String> rootFields, String outcome) {
            String operation = GatewayMetrics.operation(rootFields);
            metrics.graphqlRequest(rootFields, outcome, System.nanoTime() - startedNanos);
            span.updateName("graphql " + operation);
            span.setAttribute("graphql.operation.root_field", operation);
            span.setAttribute("gateway.outcome", outcome);
            if (!outcome.equals(GatewayMetrics.OK)) {
                span.setStatus(StatusCode.ERROR);
            }
            scope.close();
            span.end();
        }
    }
}
