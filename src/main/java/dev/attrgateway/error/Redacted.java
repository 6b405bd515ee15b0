package dev.attrgateway.error;

/**
 * A copy of a failure for the log without its messages, which may quote a token or an attribute value:
 * class names and stack frames are enough to find the bug.
 */
final class Redacted extends RuntimeException {

    private Redacted(Throwable original, Throwable cause) {
        super(original.getClass().getName() + " (message withheld)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable original) {
        Throwable cause = original.getCause() == null || original.getCause() == original ? null : of(original.getCause());
        return new Redacted(original, cause);
    }
}
