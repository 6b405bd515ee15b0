package dev.attrgateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.deploy.Manifests.PodTemplate;
import dev.attrgateway.deploy.Probes.Probe;

/**
 * Probes and the Service reach the port the gateway listens on, over plain HTTP. That the paths answer is
 * {@link ProbePathsTest}'s part.
 */
class ProbePortsTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasReadinessAndLivenessProbes(String overlay) {
        List<String> missing = new ArrayList<>();
        for (PodTemplate template : Manifests.podTemplates(overlay)) {
            for (Map<String, Object> container : template.containers(false)) {
                for (String kind : List.of("readinessProbe", "livenessProbe")) {
                    if (!container.containsKey(kind)) {
                        missing.add(template.where(container) + " has no " + kind);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyProbeGetsHttpFromTheConfiguredPort(String overlay) {
        List<Probe> probes = Probes.of(overlay);
        assertFalse(probes.isEmpty(), overlay + ": no probe at all");
        List<String> problems = new ArrayList<>();
        for (PodTemplate template : Manifests.podTemplates(overlay)) {
            for (Map<String, Object> container : template.containers(false)) {
                int httpPort = Probes.httpPort(template.environment(container));
                for (Probe probe : probes) {
                    if (probe.container() != container) {
                        continue;
                    }
                    if (!probe.handler().equals("httpGet")) {
                        problems.add(probe + ": only httpGet probes are served by the gateway (on /q/health)");
                        continue;
                    }
                    Integer port = Probes.resolve(probe.action().get("port"), container);
                    if (!Objects.equals(port, httpPort)) {
                        problems.add(probe + ": port " + describe(probe.action().get("port"), port)
                                + ", the gateway listens on " + httpPort);
                    }
                    Object scheme = probe.action().getOrDefault("scheme", "HTTP");
                    if (!"HTTP".equals(scheme)) {
                        problems.add(probe + ": scheme " + scheme + ", the gateway serves plain HTTP");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServiceTargetsTheConfiguredPort(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        List<Map<String, Object>> services = Manifests.ofKind(docs, "Service");
        assertFalse(services.isEmpty(), overlay + ": no Service");
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> service : services) {
            Map<String, Object> spec = Manifests.map(service, "spec");
            Map<String, Object> selector = Manifests.map(spec, "selector");
            List<PodTemplate> selected = Manifests.podTemplates(overlay).stream()
                    .filter(template -> selects(selector, template)).toList();
            String name = "Service/" + Manifests.map(service, "metadata").get("name");
            if (selected.isEmpty()) {
                problems.add(name + " selects no pod of the manifests");
            }
            for (Map<String, Object> servicePort : Manifests.list(spec, "ports")) {
                Object target = servicePort.getOrDefault("targetPort", servicePort.get("port"));
                for (PodTemplate template : selected) {
                    for (Map<String, Object> container : template.containers(false)) {
                        Integer port = Probes.resolve(target, container);
                        int httpPort = Probes.httpPort(template.environment(container));
                        if (!Objects.equals(port, httpPort)) {
                            problems.add(name + " targetPort " + describe(target, port) + " in "
                                    + template.where(container) + ", the gateway listens on " + httpPort);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static String describe(Object port, Integer resolved) {
        return String.valueOf(port).equals(String.valueOf(resolved)) ? String.valueOf(port)
                : port + " (" + (resolved == null ? "no such container port" : resolved) + ")";
    }

    private static boolean selects(Map<String, Object> selector, PodTemplate template) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(label -> Objects.equals(template.labels().get(label.getKey()), label.getValue()));
    }
}
