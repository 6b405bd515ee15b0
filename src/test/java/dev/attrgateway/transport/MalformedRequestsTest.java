package dev.attrgateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.RawHttp;
import dev.attrgateway.support.StubGateway;
import dev.attrgateway.support.TestLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A client may send malformed requests by the thousand: each is refused, and they cost the log one line without a
 * stack trace, not a line (or two, with stack traces) each.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class MalformedRequestsTest {

    private static final TestLog LOG = TestLog.gateway();
    private static final String JSON_POST = "POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aHundredMalformedRequestsCostTheLogOneLine() {
        int mark = LOG.mark();

        for (int i = 0; i < 34; i++) {
            // A chunk-size line ending in a bare line feed.
            RawHttp.exchange(port, JSON_POST + "Transfer-Encoding: chunked\r\n\r\n5\n{\"a\":\r\n0\r\n\r\n");
            // A body cut short: the connection closes before the Content-Length is reached.
            RawHttp.exchange(port, (JSON_POST + "Content-Length: 1000\r\n\r\n{\"query\":").getBytes(StandardCharsets.UTF_8),
                    false);
            if (i < 32) {
                // A header line without a colon.
                assertEquals(List.of(400), RawHttp.exchange(port, JSON_POST + "Broken header\r\n\r\n").statuses());
            }
        }

        // The cut-short requests fail once the gateway sees their connections close; the first of them is logged.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !warnings(mark).isEmpty());
        List<String> warnings = warnings(mark);
        assertEquals(1, warnings.size(), "warnings and errors: " + warnings);
        assertTrue(warnings.get(0).contains(" WARN ") && warnings.get(0).contains("could not be read"), warnings.get(0));
        assertTrue(LOG.linesSince(mark).stream().noneMatch(line -> line.startsWith("\tat ")), "a stack trace was logged");
    }

    /** What the gateway logged at WARN or ERROR since the mark. */
    private static List<String> warnings(int mark) {
        return LOG.linesSince(mark).stream().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
    }
}
