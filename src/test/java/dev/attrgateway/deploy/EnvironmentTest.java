package dev.attrgateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.deploy.KnownSettings.Setting;

/**
 * Every environment variable the manifests set (the ConfigMap through envFrom, a container's env) is a setting
 * the application reads: a typo or a removed property would otherwise be ignored in silence.
 */
class EnvironmentTest {

    /**
     * Variables that are not application properties but that the image, the JVM or the AWS SDK reads. Each is
     * allowed for the reason given; everything else must be a GATEWAY_* or QUARKUS_* setting.
     */
    private static final Set<String> STANDARD = Set.of(
            // run-java.sh, the entry point of the UBI OpenJDK image (Dockerfile.jvm), appends it to the JVM options.
            "JAVA_OPTS_APPEND",
            // The AWS SDK v2's region provider chain reads it (the STS client behind web identity needs a region).
            // The SDK v2 does not read AWS_DEFAULT_REGION, so that one is not allowed.
            "AWS_REGION",
            // IRSA: the EKS pod identity webhook sets these; the SDK's default credentials chain reads them.
            "AWS_ROLE_ARN",
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            // IRSA: the SDK's web identity provider calls the regional STS endpoint when this says "regional".
            "AWS_STS_REGIONAL_ENDPOINTS");

    /**
     * OpenTelemetry's standard variables (OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_ENDPOINT...): quarkus-opentelemetry
     * reads them as a fallback for quarkus.otel.*. Allowed only when OpenTelemetry is on the classpath; without it
     * nothing reads them.
     */
    private static final Predicate<String> OPEN_TELEMETRY = name -> name.startsWith("OTEL_")
            && onClasspath("io.opentelemetry.api.OpenTelemetry");

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyVariableIsASettingTheApplicationReads(String overlay) {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Manifests.PodTemplate template : Manifests.podTemplates(overlay)) {
            for (Map<String, Object> container : template.containers(true)) {
                for (String variable : template.environment(container).keySet()) {
                    checked++;
                    problem(variable).ifPresent(problem -> problems.add(template.where(container) + ": " + problem));
                }
            }
        }
        assertTrue(checked > 0, overlay + ": no environment variable found; the gateway needs at least "
                + "GATEWAY_USER_POOL_ID");
        assertEquals(List.of(), problems, overlay + ": variables the application does not read");
    }

    @Test
    void theGatewaysSettingsAreDerivedFromItsMapping() {
        // Guards the derivation itself: these three must come out of GatewayConfig, or the test above proves nothing.
        List<String> names = KnownSettings.gateway().stream().map(Setting::property).toList();
        assertTrue(names.containsAll(List.of("gateway.user-pool-id", "gateway.admin-groups",
                "gateway.upstream.max-connections")), names.toString());
        assertTrue(KnownSettings.setBy("GATEWAY_UPSTREAM_TIMEOUT", KnownSettings.gateway()).isPresent());
        assertFalse(KnownSettings.setBy("GATEWAY_UPSTREAM_TIMEOUTS", KnownSettings.gateway()).isPresent());
        assertTrue(KnownSettings.setBy("QUARKUS_LOG_CATEGORY__IO_NETTY__LEVEL", KnownSettings.quarkus()).isPresent());
    }

    /** Why the variable is not one the application reads, if it is not. */
    static Optional<String> problem(String variable) {
        if (STANDARD.contains(variable) || OPEN_TELEMETRY.test(variable)) {
            return Optional.empty();
        }
        if (variable.startsWith("GATEWAY_")) {
            return KnownSettings.setBy(variable, KnownSettings.gateway()).isPresent() ? Optional.empty()
                    : Optional.of(variable + " is no property of GatewayConfig (gateway.*)");
        }
        if (variable.startsWith("QUARKUS_")) {
            Optional<Setting> setting = KnownSettings.setBy(variable, KnownSettings.quarkus());
            if (setting.isEmpty()) {
                return Optional.of(variable + " is no property of the Quarkus extensions on the classpath");
            }
            return setting.get().runTime() ? Optional.empty()
                    : Optional.of(variable + " sets " + setting.get().property() + ", which is fixed at build time ("
                            + setting.get().phase() + "): set it in application.properties");
        }
        return Optional.of(variable + " is neither GATEWAY_*, QUARKUS_* nor one of " + STANDARD);
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, EnvironmentTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
