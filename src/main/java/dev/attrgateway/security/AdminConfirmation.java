package dev.attrgateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.attrgateway.cognito.CallerContext;
import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.ops.GatewayMetrics;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Confirms with Cognito, not only from the token's claims, that an admin is still one: the token is still
 * live (Cognito's GetUser refuses a revoked or signed-out token) and the user's current groups still hold an
 * admin group. Admin calls run on the gateway's own AWS credentials, so this is the only check between a
 * removed admin and the pool. A confirmation, or a refusal, is trusted for
 * {@code gateway.admin-recheck-interval}; a failure to ask (Cognito unreachable, a spent budget) is not kept.
 */
@ApplicationScoped
class AdminConfirmation {

    /** Tokens whose confirmation is kept at most; past that, the least recently used are asked again. */
    private static final int MAX_CONFIRMATIONS = 10_000;

    private final CognitoCalls cognito;
    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    private final AsyncCache<String, Verdict> verdicts;

    AdminConfirmation(CognitoCalls cognito, GatewayConfig config, GatewayMetrics metrics) {
        this.cognito = cognito;
        this.config = config;
        this.metrics = metrics;
        this.verdicts = Caffeine.newBuilder()
                .expireAfterWrite(config.adminRecheckInterval())
                .maximumSize(MAX_CONFIRMATIONS)
                .buildAsync();
    }

    /** Completes when the caller's admin rights stand; fails with UNAUTHENTICATED or FORBIDDEN when not. */
    Uni<Void> confirm(Caller caller) {
        return CallerContext.resumeOnCallerContext(Uni.createFrom().completionStage(() -> verdicts.get(
                fingerprint(caller.accessToken()), (token, executor) -> ask(caller).subscribeAsCompletionStage())))
                .invoke(verdict -> {
                    if (verdict == Verdict.TOKEN_NOT_LIVE) {
                        metrics.tokenFailure("revoked");
                    }
                    verdict.enforce();
                })
                .replaceWithVoid();
    }

    private Uni<Verdict> ask(Caller caller) {
        return cognito.getUser(caller.accessToken(), caller.subject())
                .chain(user -> cognito.adminListGroupsForUser(caller.subject(), config.userPoolId(), user.username())
                        .map(groups -> groups.stream().anyMatch(config.adminGroups()::contains) ? Verdict.CONFIRMED
                                : Verdict.NOT_IN_AN_ADMIN_GROUP)
                        .onFailure(AdminConfirmation::isRefusal).recoverWithItem(Verdict.NOT_IN_AN_ADMIN_GROUP))
                .onFailure(AdminConfirmation::isRefusal).recoverWithItem(Verdict.TOKEN_NOT_LIVE);
    }

    /** Cognito said no about this token or user (revoked, signed out, disabled, deleted), not that it failed. */
    private static boolean isRefusal(Throwable failure) {
        return failure instanceof NotAuthorizedException || failure instanceof UserNotFoundException;
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
        NOT_IN_AN_ADMIN_GROUP;

        void enforce() {
            if (this == TOKEN_NOT_LIVE) {
                throw GatewayException.of(ErrorCode.UNAUTHENTICATED, "The access token is no longer valid");
            }
            if (this == NOT_IN_AN_ADMIN_GROUP) {
                throw GatewayException.of(ErrorCode.FORBIDDEN, "Admin operations need a current admin group");
            }
        }
    }
}
