package dev.attrgateway.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/** The probes of the manifests' containers, and the HTTP port the application listens on in each container. */
final class Probes {

    static final List<String> KINDS = List.of("startupProbe", "readinessProbe", "livenessProbe");

    /** One probe: where it is, its kind and its handler ({@code httpGet}, {@code tcpSocket}...). */
    record Probe(String where, String kind, String handler, Map<String, Object> action, Map<String, Object> container) {

        String path() {
            return Objects.toString(action.get("path"), "/");
        }

        /** httpGet.httpHeaders as name to value. */
        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Map<String, Object> header : Manifests.list(action, "httpHeaders")) {
                headers.put((String) header.get("name"), Objects.toString(header.get("value"), ""));
            }
            return headers;
        }

        @Override
        public String toString() {
            return where + " " + kind + " " + handler + " " + action;
        }
    }

    private Probes() {
    }

    /** Every probe of every container of the overlay. */
    static List<Probe> of(String overlay) {
        List<Probe> probes = new ArrayList<>();
        for (Manifests.PodTemplate template : Manifests.podTemplates(overlay)) {
            for (Map<String, Object> container : template.containers(false)) {
                for (String kind : KINDS) {
                    Map<String, Object> probe = Manifests.map(container, kind);
                    for (String handler : List.of("httpGet", "tcpSocket", "grpc", "exec")) {
                        if (probe.containsKey(handler)) {
                            probes.add(new Probe(template.where(container), kind, handler,
                                    Manifests.map(probe, handler), container));
                        }
                    }
                }
            }
        }
        return probes;
    }

    /**
     * The container port a probe or Service names: a number, or the name of one of the container's ports.
     * Returns null when the name is not one of them.
     */
    static Integer resolve(Object port, Map<String, Object> container) {
        if (port instanceof Integer number) {
            return number;
        }
        String name = String.valueOf(port);
        if (name.chars().allMatch(Character::isDigit)) {
            return Integer.valueOf(name);
        }
        return Manifests.list(container, "ports").stream().filter(p -> name.equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort")).findFirst().orElse(null);
    }

    /**
     * The HTTP port the gateway listens on in a container: QUARKUS_HTTP_PORT when its environment sets it, else
     * quarkus.http.port from application.properties (prod profile first), else Quarkus' default for it.
     */
    static int httpPort(Map<String, String> environment) {
        String property = "quarkus.http.port";
        String fromEnvironment = environment.get(KnownSettings.toEnvironment(property));
        if (fromEnvironment != null) {
            return parse(fromEnvironment, "QUARKUS_HTTP_PORT in the manifests");
        }
        Properties application = KnownSettings.applicationProperties();
        for (String key : List.of("%prod." + property, property)) {
            if (application.containsKey(key)) {
                return parse(application.getProperty(key), key + " in application.properties");
            }
        }
        String quarkusDefault = KnownSettings.quarkusProperty(property).defaultValue();
        return parse(quarkusDefault, "the default of " + property + " in Quarkus' configuration model");
    }

    private static int parse(String port, String source) {
        try {
            return Integer.parseInt(port.trim());
        } catch (RuntimeException e) {
            return fail(source + " is not a port number: " + port);
        }
    }
}
