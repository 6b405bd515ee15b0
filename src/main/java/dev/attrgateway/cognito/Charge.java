package dev.attrgateway.cognito;

/**
 * Whom a Cognito call is charged to (the quota guard's budgets): a caller, by the token's {@code sub}, or the gateway
 * itself; and, for an operation that sends a code only when asked ({@link CognitoOperation.UserCost#CODE_IF_SENT}),
 * whether this call sends one.
 */
public record Charge(String caller, boolean sendsCode) {

    /** A call made for this caller. */
    public static Charge to(String caller) {
        return new Charge(caller, false);
    }

    /** One of the gateway's own calls (its start-up checks): only the category's budget. */
    public static Charge gateway() {
        return new Charge(null, false);
    }

    /** The same charge, for a call that sends a verification code when {@code sends}. */
    public Charge sendingCode(boolean sends) {
        return new Charge(caller, sends);
    }
}
