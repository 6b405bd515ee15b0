package dev.attrgateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 written byte by byte on a socket of its own, for what no HTTP client sends: conflicting framing, made-up
 * methods, bodies cut short. It reads what the gateway answers until the gateway closes the connection.
 */
public final class RawHttp {

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3}) ");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length: *(\\d+)$");
    /** Longer than any answer takes; reached only when the gateway keeps a connection open it should close. */
    private static final int READ_TIMEOUT_MS = 15_000;

    private RawHttp() {
    }

    /** What the gateway answered on one connection to these bytes, and whether it closed the connection. */
    public record Exchange(String text, boolean closedByGateway) {

        /** The status codes of every answer on the connection, in order (each framed by its Content-Length). */
        public java.util.List<Integer> statuses() {
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            int at = 0;
            while (at < text.length()) {
                int headEnd = text.indexOf("\r\n\r\n", at);
                Matcher status = STATUS_LINE.matcher(text.substring(at));
                if (headEnd < 0 || !status.find()) {
                    break;
                }
                statuses.add(Integer.parseInt(status.group(1)));
                Matcher length = CONTENT_LENGTH.matcher(text.substring(at, headEnd + 2));
                at = headEnd + 4 + (length.find() ? Integer.parseInt(length.group(1)) : 0);
            }
            return statuses;
        }
    }

    /** Sends the bytes and reads until the gateway closes the connection (or the read times out). */
    public static Exchange exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), true);
    }

    /**
     * Sends the bytes; with {@code read}, reads until the gateway closes the connection, else closes it at once,
     * cutting the request short.
     */
    public static Exchange exchange(int port, byte[] request, boolean read) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            if (!read) {
                return new Exchange("", false);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                }
                return new Exchange(answer.toString(StandardCharsets.ISO_8859_1), true);
            } catch (SocketTimeoutException stillOpen) {
                return new Exchange(answer.toString(StandardCharsets.ISO_8859_1), false);
            } catch (IOException reset) {
                return new Exchange(answer.toString(StandardCharsets.ISO_8859_1), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
