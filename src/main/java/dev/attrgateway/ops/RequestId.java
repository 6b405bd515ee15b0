package dev.attrgateway.ops;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * The id of one request, in the log's MDC for the request's whole life, so that every line logged for it,
 * the audit line included, can name it: the id the client or the load balancer sent when it is a plain
 * token (it cannot forge a log line), else a new one.
 */
public final class RequestId {

    public static final String MDC_KEY = "requestId";
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestId() {
    }

    /** Starts the request's id from what the client sent (may be null) and returns it. */
    public static String start(String sent) {
        String id = sent != null && PLAIN_ID.matcher(sent).matches() ? sent : generated();
        MDC.put(MDC_KEY, id);
        return id;
    }

    /** The current request's id, if a request is being handled. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    private static String generated() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
