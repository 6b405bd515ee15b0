package dev.attrgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.yaml.snakeyaml.Yaml;

/** The metrics that the shipped Grafana dashboard and Prometheus rules (deploy/) read from the gateway. */
public final class Dashboards {

    public static final Path DASHBOARD = Path.of("deploy/grafana/cognito-attributes-gateway.json");
    public static final Path RULES = Path.of("deploy/prometheus/cognito-attributes-gateway-rules.yaml");

    private Dashboards() {
    }

    /** Every metric name a panel or a rule queries, but those of Prometheus and Kubernetes themselves. */
    public static Set<String> queriedGatewayMetrics() {
        Set<String> queried = new TreeSet<>();
        queried.addAll(PromQl.metricNames(dashboardQueries()));
        queried.addAll(PromQl.metricNames(alertQueries()));
        queried.removeAll(PromQl.FROM_KUBERNETES_AND_PROMETHEUS);
        return queried;
    }

    private static List<String> dashboardQueries() {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(DASHBOARD))) {
            return reader.readObject().getJsonArray("panels").getValuesAs(JsonObject.class).stream()
                    .flatMap(panel -> panel.getJsonArray("targets").getValuesAs(JsonObject.class).stream())
                    .map(target -> target.getString("expr")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertQueries() {
        try {
            Map<String, Object> rules = new Yaml().load(Files.readString(RULES));
            return ((List<Map<String, Object>>) rules.get("groups")).stream()
                    .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                    .map(rule -> (String) rule.get("expr")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
