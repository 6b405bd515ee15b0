package dev.attrgateway.error;

/** One broken input constraint: the input path ({@code input.userAttributes[0].name}) and what is wrong. */
public record Violation(String field, String message) {
}
