package dev.attrgateway.ops;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.StubGateway;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A request continues the caller's trace: the HTTP request's span is the child of the incoming
 * {@code traceparent}, the GraphQL operation's span its child, and each Cognito call's span the operation's
 * child, with the API, the AWS request id and the outcome, and never a token or a value.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class TracingTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    @InjectCognitoStub
    CognitoStub stub;

    @Test
    void aRequestContinuesTheCallersTraceDownToEachCognitoCall() throws InterruptedException {
        spans.reset();
        String token = DemoUsers.accessToken("alice");
        stub.next("GetUser", Reply.error(500, "InternalErrorException", "Internal"));

        GraphQL.post(GraphQL.request(token).header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01"),
                GraphQL.operation("me"), Map.of()).body("data.me.username", equalTo("stub-user"));

        List<SpanData> trace = awaitSpans(4);
        SpanData server = only(trace, span -> span.getKind() == SpanKind.SERVER);
        assertEquals(CALLER_SPAN_ID, server.getParentSpanId(), "the HTTP span continues the caller's");
        SpanData operation = only(trace, span -> span.getName().equals("graphql me"));
        assertEquals(server.getSpanId(), operation.getParentSpanId());
        assertEquals("OK", operation.getAttributes().get(AttributeKey.stringKey("gateway.outcome")));
        List<SpanData> calls = trace.stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        assertEquals(2, calls.size(), "the call and its retry: " + trace);
        for (SpanData call : calls) {
            assertEquals(operation.getSpanId(), call.getParentSpanId(), "spans: " + trace);
            assertEquals("CognitoIdentityProvider/GetUser", call.getName());
            assertEquals("aws-api", call.getAttributes().get(AttributeKey.stringKey("rpc.system")));
            assertEquals("CognitoIdentityProvider", call.getAttributes().get(AttributeKey.stringKey("rpc.service")));
            assertEquals("GetUser", call.getAttributes().get(AttributeKey.stringKey("rpc.method")));
        }
        assertEquals(List.of("INTERNAL_ERROR", "OK"), calls.stream()
                .map(call -> call.getAttributes().get(AttributeKey.stringKey("gateway.outcome"))).sorted().toList());
        calls.forEach(call -> assertFalse(call.getAttributes().get(AttributeKey.stringKey("aws.request_id")).isEmpty()));
        for (SpanData span : trace) {
            String attributes = span.getAttributes().toString() + span.getName();
            assertFalse(attributes.contains(token.split("\\.")[1]), "a span holds the token: " + span);
            assertFalse(attributes.contains("stub@example.com"), "a span holds an attribute value: " + span);
        }
    }

    private List<SpanData> awaitSpans(int atLeast) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(TRACE_ID)).toList(), trace -> trace.size() >= atLeast);
    }

    private static SpanData only(List<SpanData> spans, java.util.function.Predicate<SpanData> which) {
        List<SpanData> matching = spans.stream().filter(which).toList();
        assertEquals(1, matching.size(), "spans: " + spans);
        return matching.get(0);
    }
}
