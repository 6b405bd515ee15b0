package dev.attrgateway.quota;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.error.GatewayException;
import io.smallrye.mutiny.Uni;

/**
 * The permits every Cognito call takes before it is sent: from its caller's budget, from the budget of
 * verification codes when the call may send one, and from the gateway's budget of its Cognito quota
 * category. In that order, so that a caller over its own budget is refused without spending the shared
 * ones: a caller flooding the gateway only ever spends its own share. A call that cannot have all its
 * permits within {@code gateway.quota.max-wait} is not sent ({@code RATE_LIMITED}).
 */
@ApplicationScoped
public class QuotaGuard {

    private final GatewayConfig.Quota config;
    private final BudgetStore store;

    @Inject
    QuotaGuard(GatewayConfig config, BudgetStore store) {
        this(config.quota(), store);
    }

    QuotaGuard(GatewayConfig.Quota config, BudgetStore store) {
        this.config = config;
        this.store = store;
    }

    /**
     * Completes when the call may go, or fails with {@code RATE_LIMITED}.
     *
     * @param caller who the call is charged to (the token's {@code sub}), or null for the gateway's own calls
     * @param sendsCode whether the call may make Cognito send a verification code to the caller
     */
    public Uni<Void> permit(QuotaCategory category, String caller, boolean sendsCode) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        List<Budget> budgets = new ArrayList<>(3);
        if (caller != null) {
            budgets.add(Budget.caller(caller, config.perCallerRps()));
            if (sendsCode) {
                budgets.add(Budget.codes(caller, config.codesPerUserPerHour()));
            }
        }
        budgets.add(Budget.category(category, perSecond(category)));
        return store.take(budgets, config.maxWait()).chain(decision -> {
            if (!decision.granted()) {
                return Uni.createFrom().failure(refusal(decision));
            }
            Uni<Void> granted = Uni.createFrom().voidItem();
            return decision.delay().isZero() ? granted : granted.onItem().delayIt().by(decision.delay());
        });
    }

    private long perSecond(QuotaCategory category) {
        return switch (category) {
            case USER_READ -> config.userReadRps();
            case USER_UPDATE -> config.userUpdateRps();
            case USER_RESOURCE_READ -> config.userResourceReadRps();
            case USER_POOL_CLIENT_READ -> config.userPoolClientReadRps();
        };
    }

    private static GatewayException refusal(BudgetStore.Decision decision) {
        Budget budget = decision.refusedBy();
        String message = switch (budget.kind()) {
            case CALLER -> "Too many Cognito calls from this caller: try again later";
            case CODES -> "Too many verification codes for this user in the last hour: try again later";
            case CATEGORY -> "The gateway's budget of Cognito " + budget.name() + " calls is spent: try again later";
        };
        return GatewayException.rateLimited(message, decision.retryAfter());
    }

    /** The budgets of this process. */
    @Produces
    @ApplicationScoped
    static BudgetStore budgetStore() {
        return new LocalBudgetStore();
    }
}
