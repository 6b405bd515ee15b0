package dev.attrgateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.attrgateway.cognito.Charge;
import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.config.UserPoolIds;
import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.ops.GatewayMetrics;
import io.smallrye.mutiny.Uni;

/**
 * Who is an administrator, and on which pools: the one rule (a configured admin group, or an admin scope), applied to
 * the token's claims and then to what Cognito says now. Admin calls run on the gateway's own AWS credentials, so the
 * claims are not trusted alone: a user admin by group must still have a live token (Cognito's GetUser refuses a revoked
 * or signed-out one) and an admin group among the user's current groups. That answer, a confirmation or a refusal, is
 * trusted for {@code gateway.admin-recheck-interval}; a failure to ask (Cognito unreachable, a spent budget) is not
 * kept. A machine token with an admin scope has no user to ask about, nor can it be signed out: its scope is the rule.
 */
@ApplicationScoped
public class AdminRights {

    /** Tokens whose confirmation is kept at most; past that, the least recently used are asked again. */
    private static final int MAX_CONFIRMATIONS = 10_000;

    private final CognitoCalls cognito;
    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    private final Cache<String, Verdict> verdicts;

    AdminRights(CognitoCalls cognito, GatewayConfig config, GatewayMetrics metrics) {
        this.cognito = cognito;
        this.config = config;
        this.metrics = metrics;
        this.verdicts = Caffeine.newBuilder()
                .expireAfterWrite(config.adminRecheckInterval())
                .maximumSize(MAX_CONFIRMATIONS)
                .build();
    }

    /** The rule: an admin group among {@code groups}, or an admin scope among {@code scopes}. */
    boolean isAdmin(Collection<String> groups, Collection<String> scopes) {
        return groups.stream().anyMatch(config.adminGroups()::contains)
                || config.adminScopes().map(admin -> scopes.stream().anyMatch(admin::contains)).orElse(false);
    }

    /** Refuses a caller whose token does not claim admin rights. */
    public void requireClaims(Caller caller) {
        if (!isAdmin(caller.groups(), caller.scopes())) {
            throw GatewayException.of(ErrorCode.FORBIDDEN, "Admin operations need an admin group or scope");
        }
    }

    /** The pool an admin operation names: {@code userPoolId}, or the configured pool when it names none. */
    public String requestedPool(String userPoolId) {
        return userPoolId == null ? config.userPoolId() : userPoolId;
    }

    /**
     * Refuses a well-formed pool id that is neither the configured pool nor on the allow-list. A malformed one is the
     * input's to report, with the rest of the input.
     */
    public void requireAllowedPool(String userPoolId) {
        String requested = requestedPool(userPoolId);
        if (UserPoolIds.isWellFormed(requested) && !requested.equals(config.userPoolId())
                && !config.allowedUserPoolIds().map(pools -> pools.contains(requested)).orElse(false)) {
            throw GatewayException.of(ErrorCode.FORBIDDEN, "The user pool " + requested + " is not allowed");
        }
    }

    /** Completes when Cognito confirms what the claims say; fails with UNAUTHENTICATED or FORBIDDEN when not. */
    public Uni<Void> confirm(Caller caller) {
        if (isAdmin(Set.of(), caller.scopes())) {
            return Uni.createFrom().voidItem();
        }
        String token = fingerprint(caller.accessToken());
        Verdict known = verdicts.getIfPresent(token);
        return (known != null ? Uni.createFrom().item(known) : ask(caller).invoke(verdict -> verdicts.put(token, verdict)))
                .invoke(this::enforce)
                .replaceWithVoid();
    }

    private Uni<Verdict> ask(Caller caller) {
        Charge charge = Charge.to(caller.subject());
        return cognito.getUser(charge, caller.accessToken())
                .chain(user -> cognito.adminListGroupsForUser(charge, config.userPoolId(), user.username())
                        .map(groups -> isAdmin(groups, Set.of()) ? Verdict.CONFIRMED : Verdict.NOT_IN_AN_ADMIN_GROUP)
                        .onFailure(AdminRights::isRefusal).recoverWithItem(Verdict.NOT_IN_AN_ADMIN_GROUP))
                .onFailure(AdminRights::isRefusal).recoverWithItem(Verdict.TOKEN_NOT_LIVE);
    }

    private void enforce(Verdict verdict) {
        if (verdict == Verdict.TOKEN_NOT_LIVE) {
            metrics.tokenFailure("revoked");
            throw GatewayException.of(ErrorCode.UNAUTHENTICATED, "The access token is no longer valid");
        }
        if (verdict == Verdict.NOT_IN_AN_ADMIN_GROUP) {
            throw GatewayException.of(ErrorCode.FORBIDDEN, "Admin operations need a current admin group");
        }
    }

    /** Cognito said no about this token or user (revoked, signed out, disabled, deleted), not that it failed. */
    private static boolean isRefusal(Throwable failure) {
        return failure instanceof GatewayException fault
                && (fault.code().equals("NOT_AUTHORIZED") || fault.code().equals("USER_NOT_FOUND"));
    }

    private static String fingerprint(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** What Cognito said; refusals are kept like confirmations. */
    private enum Verdict {
        CONFIRMED,
        TOKEN_NOT_LIVE,
        NOT_IN_AN_ADMIN_GROUP
    }
}
