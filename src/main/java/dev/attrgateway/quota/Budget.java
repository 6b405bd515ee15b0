package dev.attrgateway.quota;

import java.time.Duration;
import java.util.Locale;

/**
 * One token bucket: {@code capacity} permits, refilled at {@code capacity} per {@code period}, so that at most
 * a period's worth may be spent at once. {@code key} names the bucket in its store; {@code kind} and
 * {@code name} say what it bounds in words fit for a message or a metric label (never a caller).
 */
public record Budget(Kind kind, String name, String key, long capacity, Duration period) {

    /** What a budget bounds. */
    public enum Kind {
        /** Cognito calls one caller causes. */
        CALLER,
        /** Verification codes one user triggers. */
        CODES,
        /** Verification codes one user submits: each is a guess at a short number. */
        VERIFY_ATTEMPTS,
        /** Calls of one Cognito quota category, for the whole gateway. */
        CATEGORY;

        /** The kind in a metric's label. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The same bucket with another capacity, refilled as much faster or slower. */
    Budget withCapacity(long newCapacity) {
        return new Budget(kind, name, key, newCapacity, period);
    }

    static Budget caller(String caller, long perSecond) {
        return new Budget(Kind.CALLER, "caller", "caller:" + caller, perSecond, Duration.ofSeconds(1));
    }

    static Budget codes(String user, long perHour) {
        return new Budget(Kind.CODES, "codes", "codes:" + user, perHour, Duration.ofHours(1));
    }

    static Budget verifyAttempts(String user, long perHour) {
        return new Budget(Kind.VERIFY_ATTEMPTS, "verify-attempts", "verify-attempts:" + user, perHour, Duration.ofHours(1));
    }

    static Budget category(QuotaCategory category, long perSecond) {
        return new Budget(Kind.CATEGORY, category.cognitoName(), "category:" + category.cognitoName(), perSecond,
                Duration.ofSeconds(1));
    }
}
