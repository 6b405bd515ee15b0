package dev.attrgateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.RawHttp;
import dev.attrgateway.support.StubGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A request whose body a load balancer and the gateway could frame differently is answered 400 and its connection
 * closed (RFC 9112, sections 6.1 and 6.3): what was smuggled behind it, here a {@code GET /q/metrics} and a query that
 * would call Cognito, is never answered nor run.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class RequestFramingTest {

    private static final String BODY = "{\"query\":\"{ __typename }\"}";
    private static final String SMUGGLED = "GET /q/metrics HTTP/1.1\r\nHost: gateway\r\n\r\n"
            + "GET /graphql?query=%7Bme%7Busername%7D%7D HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer x\r\n\r\n";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @InjectCognitoStub
    CognitoStub stub;

    @AfterEach
    void nothingReachedCognito() {
        assertEquals(List.of(), stub.calls());
    }

    static Stream<Arguments> framings() {
        String chunked = "0\r\n\r\n" + SMUGGLED;
        return Stream.of(
                Arguments.of("Content-Length and Transfer-Encoding: chunked",
                        "Content-Length: " + chunked.length() + "\r\nTransfer-Encoding: chunked\r\n", chunked),
                Arguments.of("Transfer-Encoding: chunked, identity",
                        "Transfer-Encoding: chunked, identity\r\n", chunked),
                Arguments.of("Transfer-Encoding: identity, chunked",
                        "Transfer-Encoding: identity, chunked\r\n", chunked),
                Arguments.of("Transfer-Encoding twice",
                        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", chunked),
                Arguments.of("Transfer-Encoding: xchunked with a Content-Length",
                        "Transfer-Encoding: xchunked\r\nContent-Length: " + (BODY.length() + SMUGGLED.length()) + "\r\n",
                        BODY + SMUGGLED),
                Arguments.of("Transfer-Encoding: chunked alone",
                        "Transfer-Encoding: chunked\r\n", chunked));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framings")
    void aRequestFramedByTransferEncodingIsRefusedAndItsConnectionClosed(String framing, String headers, String body) {
        RawHttp.Exchange exchange = RawHttp.exchange(port, "POST /graphql HTTP/1.1\r\nHost: gateway\r\n"
                + "Content-Type: application/json\r\n" + headers + "\r\n" + body);

        assertEquals(List.of(400), exchange.statuses(), exchange.text());
        assertTrue(exchange.text().contains("\"code\":\"BAD_REQUEST\""), exchange.text());
        assertTrue(exchange.closedByGateway(), "the connection stays open: " + exchange.text());
    }

    @Test
    void anyPathIsGuardedNotOnlyGraphQL() {
        String chunked = "0\r\n\r\n" + SMUGGLED;
        RawHttp.Exchange exchange = RawHttp.exchange(port, "POST /q/health HTTP/1.1\r\nHost: gateway\r\n"
                + "Content-Length: " + chunked.length() + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked);

        assertEquals(List.of(400), exchange.statuses(), exchange.text());
        assertTrue(exchange.closedByGateway());
    }

    @Test
    void aRequestFramedByContentLengthKeepsItsConnectionForTheNext() {
        String request = "POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY;

        RawHttp.Exchange exchange = RawHttp.exchange(port, request + request.replace("Host: gateway\r\n",
                "Host: gateway\r\nConnection: close\r\n"));

        assertEquals(List.of(200, 200), exchange.statuses(), exchange.closedByGateway() + " " + exchange.text());
    }
}
