package dev.attrgateway.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * A warning about something any client can repeat at will, written at most once per interval: one line each time,
 * never a stack trace, saying how many more happened since the last line.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final Duration interval;
    private final AtomicLong nextLineAt = new AtomicLong(System.nanoTime());
    private final AtomicLong unwritten = new AtomicLong();

    public RateLimitedLog(Class<?> category, Duration interval) {
        this.log = Logger.getLogger(category);
        this.interval = interval;
    }

    /** Writes {@code what} (no caller-controlled text in it) if the interval is over; counts it otherwise. */
    public void warn(String what) {
        long now = System.nanoTime();
        long lineAt = nextLineAt.get();
        if (now - lineAt < 0 || !nextLineAt.compareAndSet(lineAt, now + interval.toNanos())) {
            unwritten.incrementAndGet();
            return;
        }
        long more = unwritten.getAndSet(0);
        log.warn(more == 0 ? what : what + " (and " + more + " more since the last such line)");
    }
}
