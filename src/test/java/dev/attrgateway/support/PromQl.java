package dev.attrgateway.support;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of PromQL to tell which metrics an expression reads. */
public final class PromQl {

    /** Metrics that Prometheus itself (up) and kube-state-metrics provide, not the gateway. */
    public static final Set<String> FROM_KUBERNETES_AND_PROMETHEUS = Set.of("up", "kube_deployment_spec_replicas",
            "kube_deployment_status_replicas_available");

    private static final Set<String> FUNCTIONS_AND_KEYWORDS = Set.of("sum", "max", "min", "avg", "count", "rate",
            "irate", "increase", "histogram_quantile", "absent", "by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset");
    /** Label matchers, grouping clauses and ranges: what is not a metric's name. */
    private static final Pattern NOT_NAMES = Pattern.compile("\\{[^}]*}|\\((?:by|without|on|ignoring)?\\s*\\)|"
            + "\\b(?:by|without|on|ignoring)\\s*\\([^)]*\\)|\\[[^]]*]|\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {
    }

    /** The metric names the expressions read. */
    public static Set<String> metricNames(Collection<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            Matcher identifier = IDENTIFIER.matcher(NOT_NAMES.matcher(expression).replaceAll(" "));
            while (identifier.find()) {
                if (!FUNCTIONS_AND_KEYWORDS.contains(identifier.group())) {
                    names.add(identifier.group());
                }
            }
        }
        return names;
    }
}
