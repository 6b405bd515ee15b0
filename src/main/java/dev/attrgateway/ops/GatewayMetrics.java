package dev.attrgateway.ops;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's own metrics, beside Quarkus' HTTP, JVM and Netty ones. Each meter is made once, by whoever owns what
 * it measures, for the label values it knows from start (every Cognito API, every quota category), so that a dashboard
 * sees zero, not nothing; label values learnt later (an outcome) get their meter the first time. Every label has a
 * bounded set of values: an operation is a root field of the schema (or one of a few buckets), an outcome is
 * {@code OK} or an error code, a Cognito API one the gateway calls; never a user, a token, an attribute or free text.
 * Tags every meter shares (a pool, a region) belong in a {@code MeterFilter}, not here.
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
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> tokenFailures = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meters of one Cognito API's calls. */
    public final class CognitoApi {

        private final String api;
        private final Counter retries;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final Map<String, Timer> attempts = new ConcurrentHashMap<>();

        private CognitoApi(String api) {
            this.api = api;
            this.retries = Counter.builder("gateway.cognito.retries")
                    .description("Cognito calls sent again after a safe-to-repeat failure").tag("api", api)
                    .register(registry);
            Gauge.builder("gateway.cognito.calls.in.flight", inFlight, AtomicInteger::get)
                    .description("Cognito calls sent and not answered yet").tag("api", api).register(registry);
            attempt(OK);
        }

        public void retried() {
            retries.increment();
        }

        /** The calls of this API now waiting for Cognito's answer. */
        public AtomicInteger inFlight() {
            return inFlight;
        }

        /** One attempt: OK, Cognito's code, UPSTREAM_TIMEOUT or UPSTREAM_UNAVAILABLE. */
        public void attempted(String outcome, long nanos) {
            attempt(outcome).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }

        private Timer attempt(String outcome) {
            return attempts.computeIfAbsent(outcome, code -> timer("gateway.cognito.calls",
                    "Attempts of Cognito calls by API and outcome", MAX_EXPECTED).tags("api", api, "outcome", code)
                    .register(registry));
        }
    }

    /** The meters of one Cognito quota category's budget. */
    public final class QuotaCategory {

        private final Counter permits;
        private final Timer waits;
        private final Map<String, Counter> refusals;

        private QuotaCategory(String category, IntSupplier perSecond, Collection<String> budgets) {
            Gauge.builder("gateway.quota.budget.per.second", perSecond::getAsInt)
                    .description("The gateway's budget of Cognito calls per second in a quota category (0: no guard)")
                    .tag("category", category).register(registry);
            permits = Counter.builder("gateway.quota.permits").description("Calls the quota guard let go to Cognito")
                    .tag("category", category).register(registry);
            waits = timer("gateway.quota.wait", "Time calls waited for their permits", Duration.ofSeconds(1))
                    .tag("category", category).register(registry);
            refusals = budgets.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Function.identity(),
                    budget -> Counter.builder("gateway.quota.refusals")
                            .description("Calls the quota guard refused (RATE_LIMITED)")
                            .tags("category", category, "budget", budget).register(registry)));
        }

        /** The guard gave a call its permits, after waiting this long for them. */
        public void granted(Duration waited) {
            permits.increment();
            waits.record(waited);
        }

        /** The guard refused a call; {@code budget} says which kind of budget was spent. */
        public void refused(String budget) {
            refusals.get(budget).increment();
        }
    }

    public CognitoApi cognitoApi(String api) {
        return new CognitoApi(api);
    }

    /** The meters of a quota category, with its budget per second as configured and the kinds of budget it checks. */
    public QuotaCategory quotaCategory(String category, IntSupplier perSecond, Collection<String> budgets) {
        return new QuotaCategory(category, perSecond, budgets);
    }

    /** One GraphQL request, from its arrival to its answer. */
    public void graphqlRequest(List<String> rootFields, String outcome, long nanos) {
        String operation = operation(rootFields);
        requests.computeIfAbsent(operation + ' ' + outcome, key -> timer("gateway.graphql.requests",
                "GraphQL requests by operation (root field) and outcome (OK or the first error's code)", MAX_EXPECTED)
                .tags("operation", operation, "outcome", outcome).register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
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

    /**
     * The served pools that send a code for changes of this standard attribute ({@code email}, {@code phone_number})
     * but do not keep its previous value until the new one is verified.
     */
    public void unverifiedUpdatesRisky(String attribute, IntSupplier pools) {
        Gauge.builder("gateway.pool.unverified.updates.risky", pools::getAsInt)
                .description("Served user pools where a change of this attribute is in effect before it is verified"
                        + " (AttributesRequireVerificationBeforeUpdate lacks it)")
                .tag("attribute", attribute).register(registry);
    }

    /** An access token refused, and why, in one of a few words. */
    public void tokenFailure(String reason) {
        tokenFailures.computeIfAbsent(reason, key -> Counter.builder("gateway.token.failures")
                .description("Access tokens refused, by reason").tag("reason", key).register(registry)).increment();
    }

    private static Timer.Builder timer(String name, String description, Duration maxExpected) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED).maximumExpectedValue(maxExpected);
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
