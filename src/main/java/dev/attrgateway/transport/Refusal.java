package dev.attrgateway.transport;

/**
 * A request refused before it is read as GraphQL, as the specification asks: its HTTP status, and the methods
 * allowed when it is a 405.
 */
final class Refusal extends RuntimeException {

    final int status;
    final String allow;

    Refusal(int status, String message, String allow) {
        super(message, null, false, false);
        this.status = status;
        this.allow = allow;
    }

    static Refusal badRequest(String message) {
        return new Refusal(400, message, null);
    }
}
