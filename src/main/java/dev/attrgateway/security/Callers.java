package dev.attrgateway.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.ops.GatewayMetrics;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Who calls, from the request's access token. Quarkus OIDC has checked signature, issuer, expiry and
 * {@code token_use}; its failures become the contract's errors here, where the identity is asked for, with the
 * gateway's own rules on top: an accepted app client, a lifetime Cognito would issue, the self-service scope.
 */
@ApplicationScoped
public class Callers {

    /** The scope Cognito requires for a user's own attribute operations. */
    public static final String SELF_SERVICE_SCOPE = "aws.cognito.signin.user.admin";
    /** Cognito's access tokens are valid for a day at most; one valid for longer was not issued by it. */
    static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(24);

    private final CurrentIdentityAssociation identities;
    private final GatewayConfig config;
    private final GatewayMetrics metrics;

    Callers(CurrentIdentityAssociation identities, GatewayConfig config, GatewayMetrics metrics) {
        this.identities = identities;
        this.config = config;
        this.metrics = metrics;
    }

    /** The caller of {@code me} and the {@code ...My...} mutations: an access token with the self-service scope. */
    public Uni<Caller> selfService() {
        return authenticated().invoke(caller -> {
            if (!caller.scopes().contains(SELF_SERVICE_SCOPE)) {
                throw refusedToken("scope", "The access token lacks the scope " + SELF_SERVICE_SCOPE);
            }
        });
    }

    /** Any caller with a valid access token of an accepted app client. */
    public Uni<Caller> authenticated() {
        return identities.getDeferredIdentity()
                .onFailure(failure -> GatewayException.unwrap(failure) instanceof AuthenticationFailedException)
                .transform(failure -> {
                    metrics.tokenFailure(reason(failure));
                    return GatewayException.of(ErrorCode.UNAUTHENTICATED, "The access token is invalid or expired");
                })
                // The issuer's keys could not be fetched: the pool is as unreachable as Cognito itself.
                .onFailure(failure -> GatewayException.unwrap(failure) instanceof OIDCException)
                .transform(failure -> GatewayException.of(
                        ErrorCode.UPSTREAM_UNAVAILABLE, "The token issuer is not reachable"))
                .map(this::caller);
    }

    private Caller caller(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw refusedToken("missing", "A bearer access token is required");
        }
        String clientId = token.getClaim("client_id");
        if (config.clientIds().isPresent() && !config.clientIds().get().contains(clientId)) {
            throw refusedToken("client", "The access token's app client is not accepted");
        }
        if (!(token.getClaim("iat") instanceof Number issuedAt) || !(token.getClaim("exp") instanceof Number expires)
                || expires.longValue() - issuedAt.longValue() > MAX_TOKEN_LIFETIME.toSeconds()) {
            throw refusedToken("lifetime", "The access token is valid for longer than Cognito issues them");
        }
        String username = token.getClaim("username");
        String subject = token.getSubject() == null ? clientId : token.getSubject();
        return new Caller(username == null ? clientId : username, subject, clientId, scopes(token), groups(token),
                token.getRawToken());
    }

    private GatewayException refusedToken(String reason, String message) {
        metrics.tokenFailure(reason);
        return GatewayException.of(ErrorCode.UNAUTHENTICATED, message);
    }

    /** Why Quarkus OIDC refused a token, in one of a few words (jose4j says why in its error codes). */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return "expired";
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "issuer";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return "signature";
                }
                if (invalid.hasErrorCode(ErrorCodes.JSON_INVALID) || invalid.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
                    return "malformed";
                }
            }
            if (cause instanceof UnresolvableKeyException) {
                return "signature";
            }
        }
        return "invalid";
    }

    private static Set<String> scopes(JsonWebToken token) {
        String scope = token.getClaim("scope");
        return scope == null || scope.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scope.trim().split("\\s+")));
    }

    private static Set<String> groups(JsonWebToken token) {
        Object groups = token.getClaim("cognito:groups");
        if (groups instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet());
        }
        if (groups instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return Set.of();
    }
}
