package dev.attrgateway.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's own metrics, beside Quarkus' HTTP, JVM and Netty ones. Every label has a bounded set of values:
 * an operation is a root field of the schema (or one of a few buckets), an outcome is {@code OK} or an error
 * code, a Cognito API is one the gateway calls; never a user, a token, an attribute or free text.
 */
@ApplicationScoped
public class GatewayMetrics {

    /** The outcome of what succeeded. */
    public static final String OK = "OK";
    /** The operation of a request that selected none: it did not parse or validate, or never reached GraphQL. */
    static final String NO_OPERATION = "none";
    static final String INTROSPECTION = "introspection";
    static final String SEVERAL_OPERATIONS = "multiple";

    private static final Duration MIN_EXPECTED = Duration.ofMillis(1);
    private static final Duration MAX_EXPECTED = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> cognitoInFlight = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The budget of a Cognito quota category, per second, as configured (0 when the guard is off). */
    public void quotaBudget(String category, IntSupplier perSecond) {
        Gauge.builder("gateway.quota.budget.per.second", perSecond::getAsInt)
                .description("The gateway's budget of Cognito calls per second in a quota category (0: no guard)")
                .tag("category", category)
                .register(registry);
    }

    /** One GraphQL request, from its arrival to its answer. */
    public void graphqlRequest(List<String> rootFields, String outcome, long nanos) {
        Timer.builder("gateway.graphql.requests")
                .description("GraphQL requests by operation (root field) and outcome (OK or the first error's code)")
                .tags("operation", operation(rootFields), "outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED)
                .maximumExpectedValue(MAX_EXPECTED)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** One attempt of a Cognito call, with its outcome: OK, Cognito's code, UPSTREAM_TIMEOUT or UPSTREAM_UNAVAILABLE. */
    public void cognitoCall(String api, String outcome, long nanos) {
        Timer.builder("gateway.cognito.calls")
                .description("Attempts of Cognito calls by API and outcome")
                .tags("api", api, "outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED)
                .maximumExpectedValue(MAX_EXPECTED)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    public void cognitoRetry(String api) {
        cognitoRetries(api).increment();
    }

    /** The count of a Cognito API's calls sent again, served from start (0). */
    public Counter cognitoRetries(String api) {
        return Counter.builder("gateway.cognito.retries").description("Cognito calls sent again after a safe-to-repeat failure")
                .tag("api", api).register(registry);
    }

    /** The calls of this API now waiting for Cognito's answer. */
    public AtomicInteger cognitoInFlight(String api) {
        return cognitoInFlight.computeIfAbsent(api, name -> {
            AtomicInteger inFlight = new AtomicInteger();
            Gauge.builder("gateway.cognito.calls.in.flight", inFlight, AtomicInteger::get)
                    .description("Cognito calls sent and not answered yet").tag("api", name).register(registry);
            return inFlight;
        });
    }

    /** The quota guard gave a call its permits, after waiting this long for them. */
    public void quotaGranted(String category, Duration waited) {
        Counter.builder("gateway.quota.permits").description("Calls the quota guard let go to Cognito")
                .tag("category", category).register(registry).increment();
        Timer.builder("gateway.quota.wait").description("Time calls waited for their permits")
                .tag("category", category)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(registry).record(waited);
    }

    /** The quota guard refused a call; {@code budget} says which kind of budget was spent. */
    public void quotaRefused(String category, String budget) {
        quotaRefusals(category, budget).increment();
    }

    /** The count of the quota guard's refusals in a category by a kind of budget, served from start (0). */
    public Counter quotaRefusals(String category, String budget) {
        return Counter.builder("gateway.quota.refusals").description("Calls the quota guard refused (RATE_LIMITED)")
                .tags("category", category, "budget", budget).register(registry);
    }

    /** 1 while Redis is out of reach and this replica uses its own share of the budgets, else 0. */
    public void quotaStoreFallback(BooleanSupplier fallingBack) {
        Gauge.builder("gateway.quota.store.fallback", () -> fallingBack.getAsBoolean() ? 1 : 0)
                .description("1 while the shared budget store (Redis) is out of reach and local shares are used")
                .register(registry);
    }

    /** The replicas this one shares the pool-wide budgets with, itself included, as it last counted them. */
    public void quotaReplicas(IntSupplier replicas) {
        Gauge.builder("gateway.quota.replicas", replicas::getAsInt)
                .description("Replicas sharing the pool-wide budgets, as this one counts them (its share: 1/n)")
                .register(registry);
    }

    /** An access token refused, and why, in one of a few words. */
    public void tokenFailure(String reason) {
        Counter.builder("gateway.token.failures").description("Access tokens refused, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** The operation label of a request: its one root field, or a bucket. */
    static String operation(List<String> rootFields) {
        List<String> fields = rootFields.stream().filter(field -> !field.startsWith("__")).distinct().toList();
        if (fields.isEmpty()) {
            return rootFields.isEmpty() ? NO_OPERATION : INTROSPECTION;
        }
        return fields.size() == 1 ? fields.get(0) : SEVERAL_OPERATIONS;
    }
}
