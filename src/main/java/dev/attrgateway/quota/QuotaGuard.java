package dev.attrgateway.quota;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.ops.GatewayMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;

/**
 * The permits every Cognito call takes before it is sent: from its caller's budget, from the caller's budget of
 * verification codes when the call may send one or of verification attempts when it checks one, and from the
 * gateway's budget of its Cognito quota category. In that order, so that a caller over its own budget is refused
 * without spending the shared ones: a caller flooding the gateway only ever spends its own share. A call that cannot
 * have all its permits within {@code gateway.quota.max-wait} is not sent ({@code RATE_LIMITED}).
 */
@ApplicationScoped
public class QuotaGuard {

    /** Vert.x refuses timers under a millisecond: a wait that short is no wait. */
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(1);
    private static final Duration CLOSING = Duration.ofSeconds(2);

    /** What a call may cost its caller besides a permit of the caller's own budget. */
    public enum PerUser {
        /** The call may make Cognito send the caller a verification code. */
        CODE,
        /** The call checks a verification code the caller submits. */
        VERIFY_ATTEMPT
    }

    private final GatewayConfig.Quota config;
    private final BudgetStore store;
    private final Map<QuotaCategory, GatewayMetrics.QuotaCategory> meters = new EnumMap<>(QuotaCategory.class);

    @Inject
    QuotaGuard(GatewayConfig config, BudgetStore store, GatewayMetrics metrics) {
        this(config.quota(), store, metrics);
    }

    QuotaGuard(GatewayConfig.Quota config, BudgetStore store, GatewayMetrics metrics) {
        this.config = config;
        this.store = store;
        List<String> budgetKinds = Arrays.stream(Budget.Kind.values()).map(Budget.Kind::label).toList();
        for (QuotaCategory category : QuotaCategory.values()) {
            meters.put(category, metrics.quotaCategory(category.cognitoName(),
                    () -> config.enabled() ? category.budgetPerSecond(config) : 0, budgetKinds));
        }
    }

    /** Gets the budget store ready (see {@link BudgetStore#open}); completes whatever happens. */
    public Uni<Void> open() {
        return store.open();
    }

    void close(@Observes ShutdownEvent event) {
        store.close().await().atMost(CLOSING);
    }

    /**
     * Completes when the call may go, or fails with {@code RATE_LIMITED}.
     *
     * @param caller who the call is charged to (the token's {@code sub}), or null for the gateway's own calls
     * @param perUser what else the call costs its caller, if it has one
     */
    public Uni<Void> permit(QuotaCategory category, String caller, PerUser perUser) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        List<Budget> budgets = new ArrayList<>(3);
        if (caller != null) {
            budgets.add(Budget.caller(caller, config.perCallerRps()));
            if (perUser == PerUser.CODE) {
                budgets.add(Budget.codes(caller, config.codesPerUserPerHour()));
            } else if (perUser == PerUser.VERIFY_ATTEMPT) {
                budgets.add(Budget.verifyAttempts(caller, config.verifyAttemptsPerUserPerHour()));
            }
        }
        budgets.add(Budget.category(category, category.budgetPerSecond(config)));
        return store.take(budgets, config.maxWait()).chain(decision -> {
            if (!decision.granted()) {
                meters.get(category).refused(decision.refusedBy().kind().label());
                return Uni.createFrom().failure(refusal(decision));
            }
            meters.get(category).granted(decision.delay());
            Uni<Void> granted = Uni.createFrom().voidItem();
            return decision.delay().compareTo(SHORTEST_WAIT) < 0 ? granted : granted.onItem().delayIt().by(decision.delay());
        });
    }

    private static GatewayException refusal(BudgetStore.Decision decision) {
        Budget budget = decision.refusedBy();
        String message = switch (budget.kind()) {
            case CALLER -> "Too many Cognito calls from this caller: try again later";
            case CODES -> "Too many verification codes for this user in the last hour: try again later";
            case VERIFY_ATTEMPTS -> "Too many verification attempts for this user in the last hour: try again later";
            case CATEGORY -> "The gateway's budget of Cognito " + budget.name() + " calls is spent: try again later";
        };
        return GatewayException.rateLimited(message, decision.retryAfter());
    }
}
