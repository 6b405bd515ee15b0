package dev.attrgateway.security;

import java.util.Set;

/**
 * Who calls, from a validated access token. {@code toString} leaves the token out: a caller may be logged.
 *
 * @param name the token's {@code username}, or its {@code client_id} for a machine client
 * @param subject who the caller's Cognito calls are charged to: the token's {@code sub}, or its
 *        {@code client_id} when it has none
 * @param clientId the token's {@code client_id}: the app client the caller signed in with
 */
public record Caller(String name, String subject, String clientId, Set<String> scopes, Set<String> groups,
        String accessToken) {

    @Override
    public String toString() {
        return "Caller[name=" + name + ", scopes=" + scopes + ", groups=" + groups + "]";
    }
}
