package dev.attrgateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.PrometheusScrape;
import dev.attrgateway.support.RawHttp;
import dev.attrgateway.support.StubGateway;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * No value a client chooses becomes a metric series of its own: ten thousand made-up HTTP methods, each two thousand
 * characters long, on paths no route knows, leave the series as they were and the heap no larger.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class HttpServerMetricTagsTest {

    private static final int REQUESTS = 10_000;
    private static final int PER_CONNECTION = 500;
    /** Far below the 20 MB the methods' names alone take, let alone their series. */
    private static final long HEAP_GROWTH_BOUND = 8L << 20;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** The tests' own record of every span (support.InMemorySpans), which is not the gateway's memory. */
    @Inject
    InMemorySpanExporter spans;

    @Test
    void madeUpMethodsAddNoSeriesAndNoHeap() {
        send(100);
        long seriesBefore = httpServerSeries();
        long heapBefore = heapAfterFullCollection();

        send(REQUESTS);

        long heapAfter = heapAfterFullCollection();
        assertEquals(seriesBefore, httpServerSeries(), "series of the HTTP server metrics");
        assertTrue(heapAfter - heapBefore < HEAP_GROWTH_BOUND,
                "the heap grew by " + ((heapAfter - heapBefore) >> 20) + " MB");
    }

    /** Made-up methods, each once, on /graphql and on paths of their own, pipelined on a few connections. */
    private void send(int count) {
        for (int sent = 0; sent < count; sent += PER_CONNECTION) {
            StringBuilder requests = new StringBuilder();
            int batch = Math.min(PER_CONNECTION, count - sent);
            for (int i = 0; i < batch; i++) {
                String method = ("M" + UUID.randomUUID().toString().replace("-", "")).toUpperCase() + "X".repeat(1_967);
                String path = i % 2 == 0 ? "/graphql" : "/" + UUID.randomUUID();
                requests.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: gateway\r\n")
                        .append(i == batch - 1 ? "Connection: close\r\n" : "").append("\r\n");
            }
            RawHttp.Exchange exchange = RawHttp.exchange(port, requests.toString());
            assertEquals(batch, exchange.statuses().size(), "every request was answered");
            assertTrue(exchange.statuses().stream().allMatch(status -> status >= 400 && status < 500),
                    "refused: " + exchange.statuses());
        }
    }

    private static long httpServerSeries() {
        return PrometheusScrape.now().samples().keySet().stream().filter(key -> key.startsWith("http_server_")).count();
    }

    private long heapAfterFullCollection() {
        spans.reset();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
