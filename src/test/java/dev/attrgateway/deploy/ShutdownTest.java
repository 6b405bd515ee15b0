package dev.attrgateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.deploy.KnownSettings.Setting;
import dev.attrgateway.deploy.Manifests.PodTemplate;

/**
 * The graceful shutdown the manifests configure adds up: Quarkus' delay is switched on at build time, the
 * in-flight timeout outlasts a Cognito call, and Kubernetes waits for both before it kills the pod.
 */
class ShutdownTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theShutdownFitsInTheGracePeriod(String overlay) {
        List<String> problems = new ArrayList<>();
        for (PodTemplate template : Manifests.podTemplates(overlay)) {
            Duration grace = Duration.ofSeconds(((Number) template.spec().getOrDefault("terminationGracePeriodSeconds",
                    30)).longValue());
            for (Map<String, Object> container : template.containers(false)) {
                Map<String, String> environment = template.environment(container);
                Duration delay = duration(environment, "quarkus.shutdown.delay", KnownSettings.quarkus());
                Duration timeout = duration(environment, "quarkus.shutdown.timeout", KnownSettings.quarkus());
                Duration upstream = duration(environment, "gateway.upstream.timeout", KnownSettings.gateway());
                String where = template.where(container);
                if (!delay.isZero() && !"true".equals(KnownSettings.applicationProperties().getProperty("quarkus.shutdown.delay-enabled"))) {
                    problems.add(where + ": QUARKUS_SHUTDOWN_DELAY does nothing without "
                            + "quarkus.shutdown.delay-enabled=true in application.properties (fixed at build time)");
                }
                if (timeout.isZero() || timeout.compareTo(upstream) <= 0) {
                    problems.add(where + ": QUARKUS_SHUTDOWN_TIMEOUT " + timeout + " must exceed the longest Cognito "
                            + "call, gateway.upstream.timeout " + upstream);
                }
                if (grace.compareTo(delay.plus(timeout)) <= 0) {
                    problems.add(where + ": terminationGracePeriodSeconds " + grace + " must exceed the shutdown "
                            + "delay " + delay + " plus timeout " + timeout);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A duration setting as the container gets it: its environment variable, else its default, else zero. */
    private static Duration duration(Map<String, String> environment, String property, List<Setting> known) {
        Setting setting = known.stream().filter(s -> s.property().equals(property)).findFirst()
                .orElseGet(() -> fail(property + " is not a known setting"));
        String value = environment.getOrDefault(KnownSettings.toEnvironment(property), setting.defaultValue());
        return value == null ? Duration.ZERO : parse(value.trim(), property);
    }

    /** Quarkus' duration format: a number of seconds, 500ms, 5s, 2m, 1h, 1d or ISO-8601. */
    static Duration parse(String value, String property) {
        try {
            if (value.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            if (value.matches("\\d+ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.toUpperCase().startsWith("P")) {
                return Duration.parse(value);
            }
            return value.toLowerCase().endsWith("d") ? Duration.parse("P" + value) : Duration.parse("PT" + value);
        } catch (RuntimeException e) {
            return fail(property + " = " + value + " is not a duration");
        }
    }
}
