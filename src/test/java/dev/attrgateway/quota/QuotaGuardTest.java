package dev.attrgateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.observability.GatewayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

/** Which budgets a call takes, in which order, and what a refusal says; the store only records here. */
class QuotaGuardTest {

    private final List<List<Budget>> taken = new ArrayList<>();
    private BudgetStore.Decision answer = BudgetStore.Decision.grantedAfter(Duration.ZERO);
    private final BudgetStore store = (budgets, maxWait) -> {
        taken.add(budgets);
        return Uni.createFrom().item(answer);
    };

    @Test
    void aCallTakesFromItsCallerThenItsCodesThenItsCategory() {
        permit(guard(true), QuotaCategory.USER_UPDATE, "alice", true).assertCompleted();

        List<Budget> budgets = taken.get(0);
        assertEquals(List.of(Budget.Kind.CALLER, Budget.Kind.CODES, Budget.Kind.CATEGORY),
                budgets.stream().map(Budget::kind).toList());
        assertEquals(List.of(10L, 3L, 25L), budgets.stream().map(Budget::capacity).toList());
        assertEquals("UserUpdate", budgets.get(2).name());
    }

    @Test
    void aCallThatSendsNoCodeTakesNoCodePermit() {
        permit(guard(true), QuotaCategory.USER_READ, "alice", false).assertCompleted();

        assertEquals(List.of(Budget.Kind.CALLER, Budget.Kind.CATEGORY), taken.get(0).stream().map(Budget::kind).toList());
        assertEquals(120L, taken.get(0).get(1).capacity());
    }

    @Test
    void theGatewaysOwnCallsTakeOnlyFromTheirCategory() {
        permit(guard(true), QuotaCategory.USER_POOL_CLIENT_READ, null, false).assertCompleted();

        assertEquals(List.of(Budget.Kind.CATEGORY), taken.get(0).stream().map(Budget::kind).toList());
    }

    @Test
    void aRefusalIsRateLimitedWithWhenToRetry() {
        answer = BudgetStore.Decision.refused(Budget.codes("alice", 3), Duration.ofMinutes(20));

        Throwable failure = permit(guard(true), QuotaCategory.USER_RESOURCE_READ, "alice", true).assertFailed()
                .getFailure();

        GatewayException refusal = assertInstanceOf(GatewayException.class, failure);
        assertEquals("RATE_LIMITED", refusal.code());
        assertEquals(true, refusal.retryable());
        assertEquals(1_200_000L, refusal.extensions().getJsonNumber("retryAfterMs").longValue());
    }

    @Test
    void aDisabledGuardTakesNothing() {
        permit(guard(false), QuotaCategory.USER_UPDATE, "alice", true).assertCompleted();

        assertEquals(List.of(), taken);
    }

    private QuotaGuard guard(boolean enabled) {
        return new QuotaGuard(new GatewayConfig.Quota() {
            public boolean enabled() {
                return enabled;
            }

            public int perCallerRps() {
                return 10;
            }

            public int userUpdateRps() {
                return 25;
            }

            public int userReadRps() {
                return 120;
            }

            public int userResourceReadRps() {
                return 50;
            }

            public int userPoolClientReadRps() {
                return 5;
            }

            public int codesPerUserPerHour() {
                return 3;
            }

            public Duration maxWait() {
                return Duration.ofMillis(250);
            }
        }, store, new GatewayMetrics(new SimpleMeterRegistry()));
    }

    private static UniAssertSubscriber<Void> permit(QuotaGuard guard, QuotaCategory category, String caller,
            boolean sendsCode) {
        return guard.permit(category, caller, sendsCode).subscribe().withSubscriber(UniAssertSubscriber.create());
    }
}
