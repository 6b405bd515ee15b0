package dev.attrgateway.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
import dev.attrgateway.attributes.UserAttribute;
import dev.attrgateway.ops.GatewayMetrics;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The contract's authorization rules: who may call the self-service and the admin operations, which
 * attributes users may write, and which user pools an admin may name. Quarkus OIDC has already checked
 * signature, issuer, expiry and {@code token_use}; a failure there arrives as the deferred identity's failure.
 */
@ApplicationScoped
public class AccessPolicy {

    /** Cognito's access tokens are valid for a day at most; one valid for longer was not issued by it. */
    static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(24);
    /** The scope Cognito requires for a user's own attribute operations. */
    public static final String SELF_SERVICE_SCOPE = "aws.cognito.signin.user.admin";
    /** Users verify these with a code; only an administrator may set them, whatever the configuration adds. */
    public static final Set<String> ALWAYS_READ_ONLY_FOR_USERS = Set.of("email_verified", "phone_number_verified");

    private final CurrentIdentityAssociation identities;
    private final GatewayConfig config;
    private final AdminConfirmation adminConfirmation;
    private final GatewayMetrics metrics;
    private final Set<String> readOnlyForUsers;

    AccessPolicy(CurrentIdentityAssociation identities, GatewayConfig config, AdminConfirmation adminConfirmation,
            GatewayMetrics metrics) {
        this.identities = identities;
        this.config = config;
        this.adminConfirmation = adminConfirmation;
        this.metrics = metrics;
        this.readOnlyForUsers = readOnlyForUsers(config);
    }

    /**
     * The attributes users may not write themselves: the verified flags, and what the configuration adds. In any
     * letter case: Cognito compares names exactly, so {@code Email_Verified} is not its {@code email_verified}, but
     * no spelling of a read-only name is ever forwarded on a user's behalf.
     */
    public static Set<String> readOnlyForUsers(GatewayConfig config) {
        Set<String> readOnly = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        readOnly.addAll(ALWAYS_READ_ONLY_FOR_USERS);
        config.selfServiceReadOnlyAttributes().ifPresent(readOnly::addAll);
        return Collections.unmodifiableSet(readOnly);
    }

    /** The caller of {@code me} and the {@code ...My...} mutations: an access token with the self-service scope. */
    public Uni<Caller> selfServiceCaller() {
        return authenticatedCaller().invoke(caller -> {
            if (!caller.scopes().contains(SELF_SERVICE_SCOPE)) {
                throw refusedToken("scope", "The access token lacks the scope " + SELF_SERVICE_SCOPE);
            }
        });
    }

    /** The caller of an admin operation, by its token's claims: an access token with an admin group or scope. */
    public Uni<Caller> adminCaller() {
        return authenticatedCaller().invoke(this::requireAdmin);
    }

    /** Any caller with a valid access token of an accepted app client. */
    public Uni<Caller> authenticatedCaller() {
        return identities.getDeferredIdentity()
                .onFailure(AuthenticationFailedException.class).invoke(failure -> metrics.tokenFailure(reason(failure)))
                .map(this::caller);
    }

    public void requireAdmin(Caller caller) {
        if (!hasAdminScope(caller) && !hasAdminGroup(caller)) {
            throw GatewayException.of(ErrorCode.FORBIDDEN, "Admin operations need an admin group or scope");
        }
    }

    /**
     * Completes when Cognito confirms what the claims say: a user admin by group still has a live token and
     * an admin group. A machine token keeps the scope rule: it has no user to ask about, nor can it be signed out.
     */
    public Uni<Void> confirmAdmin(Caller caller) {
        return hasAdminScope(caller) ? Uni.createFrom().voidItem() : adminConfirmation.confirm(caller);
    }

    private boolean hasAdminGroup(Caller caller) {
        return caller.groups().stream().anyMatch(config.adminGroups()::contains);
    }

    private boolean hasAdminScope(Caller caller) {
        return config.adminScopes().map(scopes -> caller.scopes().stream().anyMatch(scopes::contains)).orElse(false);
    }

    /** Users may not write what only an administrator may set, such as {@code email_verified}. */
    public void requireWritableByUser(List<UserAttribute> attributes) {
        List<String> readOnly = attributes.stream().map(UserAttribute::name)
                .filter(readOnlyForUsers::contains).toList();
        if (!readOnly.isEmpty()) {
            throw GatewayException.of(ErrorCode.FORBIDDEN,
                    "Only an administrator may change " + String.join(", ", readOnly));
        }
    }

    /** The pool an admin operation names: {@code userPoolId}, or the configured pool when it names none. */
    public String requestedUserPool(String userPoolId) {
        return userPoolId == null ? config.userPoolId() : userPoolId;
    }

    /** The pool an admin operation acts on: the configured one unless another allowed pool is named. */
    public String userPoolFor(String userPoolId) {
        String requested = requestedUserPool(userPoolId);
        if (requested.equals(config.userPoolId())
                || config.allowedUserPoolIds().map(pools -> pools.contains(requested)).orElse(false)) {
            return requested;
        }
        throw GatewayException.of(ErrorCode.FORBIDDEN, "The user pool " + requested + " is not allowed");
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
        return new Caller(username == null ? clientId : username, subject, scopes(token), groups(token),
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
