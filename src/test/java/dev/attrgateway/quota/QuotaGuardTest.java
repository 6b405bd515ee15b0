package dev.attrgateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.ops.GatewayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
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
        permit(guard(true), QuotaCategory.USER_UPDATE, "alice", QuotaGuard.PerUser.CODE).assertCompleted();

        List<Budget> budgets = taken.get(0);
        assertEquals(List.of(Budget.Kind.CALLER, Budget.Kind.CODES, Budget.Kind.CATEGORY),
                budgets.stream().map(Budget::kind).toList());
        assertEquals(List.of(10L, 3L, 25L), budgets.stream().map(Budget::capacity).toList());
        assertEquals("UserUpdate", budgets.get(2).name());
    }

    @Test
    void aCallThatSendsNoCodeTakesNoCodePermit() {
        permit(guard(true), QuotaCategory.USER_READ, "alice", null).assertCompleted();

        assertEquals(List.of(Budget.Kind.CALLER, Budget.Kind.CATEGORY), taken.get(0).stream().map(Budget::kind).toList());
        assertEquals(120L, taken.get(0).get(1).capacity());
    }

    @Test
    void theGatewaysOwnCallsTakeOnlyFromTheirCategory() {
        permit(guard(true), QuotaCategory.USER_POOL_CLIENT_READ, null, null).assertCompleted();

        assertEquals(List.of(Budget.Kind.CATEGORY), taken.get(0).stream().map(Budget::kind).toList());
    }

    @Test
    void aRefusalIsRateLimitedWithWhenToRetry() {
        answer = BudgetStore.Decision.refused(Budget.codes("alice", 3), Duration.ofMinutes(20));

        Throwable failure = permit(guard(true), QuotaCategory.USER_RESOURCE_READ, "alice", QuotaGuard.PerUser.CODE).assertFailed()
                .getFailure();

        GatewayException refusal = assertInstanceOf(GatewayException.class, failure);
        assertEquals("RATE_LIMITED", refusal.code());
        assertEquals(true, refusal.retryable());
        assertEquals(1_200_000L, refusal.extensions().getJsonNumber("retryAfterMs").longValue());
    }

    @Test
    void aVerificationAttemptTakesFromTheCallersAttemptsBudget() {
        permit(guard(true), QuotaCategory.USER_UPDATE, "alice", QuotaGuard.PerUser.VERIFY_ATTEMPT).assertCompleted();

        List<Budget> budgets = taken.get(0);
        assertEquals(List.of(Budget.Kind.CALLER, Budget.Kind.VERIFY_ATTEMPTS, Budget.Kind.CATEGORY),
                budgets.stream().map(Budget::kind).toList());
        assertEquals(20L, budgets.get(1).capacity());
        assertEquals(Duration.ofHours(1), budgets.get(1).period());
    }

    @Test
    void aWaitUnderAMillisecondIsNoWait() {
        // Vert.x's timers refuse delays under a millisecond: such a wait failed the call with INTERNAL.
        answer = BudgetStore.Decision.grantedAfter(Duration.ofNanos(400_000));

        permit(guard(true), QuotaCategory.USER_READ, "alice", null).assertCompleted();
    }

    @Test
    void aDisabledGuardTakesNothing() {
        permit(guard(false), QuotaCategory.USER_UPDATE, "alice", QuotaGuard.PerUser.CODE).assertCompleted();

        assertEquals(List.of(), taken);
    }

    /** The guard with the defaults of GatewayConfig.Quota, but codes at 3 per hour. */
    private QuotaGuard guard(boolean enabled) {
        GatewayConfig.Quota quota = new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.Quota.class, "gateway.quota")
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of("gateway.quota.enabled", String.valueOf(enabled),
                        "gateway.quota.codes-per-user-per-hour", "3"), "QuotaGuardTest", 100))
                .build().getConfigMapping(GatewayConfig.Quota.class, "gateway.quota");
        return new QuotaGuard(quota, store, new GatewayMetrics(new SimpleMeterRegistry()));
    }

    private static UniAssertSubscriber<Void> permit(QuotaGuard guard, QuotaCategory category, String caller,
            QuotaGuard.PerUser perUser) {
        return guard.permit(category, caller, perUser).subscribe().withSubscriber(UniAssertSubscriber.create());
    }
}
