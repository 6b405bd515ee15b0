package dev.attrgateway.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The samples of one scrape of {@code /q/metrics}, as Prometheus reads them. */
public record PrometheusScrape(String text, Map<String, Double> samples) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static PrometheusScrape now() {
        return of(given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public static PrometheusScrape of(String text) {
        Map<String, Double> samples = new HashMap<>();
        text.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.find()) {
                Map<String, String> labels = new TreeMap<>();
                Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.put(key(sample.group(1), labels), Double.parseDouble(sample.group(4)));
            }
        });
        return new PrometheusScrape(text, samples);
    }

    /** The sample of this name with these labels (name, value, name, value...), and any others; 0 when absent. */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().startsWith(name + "{") || sample.getKey().equals(name))
                .filter(sample -> wanted.entrySet().stream().allMatch(label -> {
                    String pair = label.getKey() + "=\"" + label.getValue() + "\"";
                    return sample.getKey().contains("{" + pair) || sample.getKey().contains("," + pair);
                }))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** The metric names of the scrape. */
    public Set<String> names() {
        return samples.keySet().stream().map(key -> key.contains("{") ? key.substring(0, key.indexOf('{')) : key)
                .collect(Collectors.toSet());
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labels.entrySet().stream().map(label -> label.getKey() + "=\"" + label.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
