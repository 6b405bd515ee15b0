package dev.attrgateway.support;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.Assumptions;

import dev.attrgateway.local.NpmProject;

/**
 * Runs a check of src/test/browser in Debian's chromium (playwright-core drives it; nothing downloads a browser) and
 * returns what the check printed, as JSON. Without chromium at {@code CHROMIUM} or /usr/bin/chromium the test is
 * skipped, and fails instead with {@code -Dattrgateway.browser.required=true}, as CI runs it.
 */
public final class Browser {

    private static final NpmProject CHECKS = NpmProject.at("src/test/browser");

    private Browser() {
    }

    public static JsonObject check(String script, Map<String, String> environment) {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String missing = "No chromium at " + chromium + " (apt-get install chromium, or set CHROMIUM)";
            if (Boolean.getBoolean("attrgateway.browser.required")) {
                throw new AssertionError(missing);
            }
            Assumptions.abort(missing);
        }
        Map<String, String> env = new HashMap<>(environment);
        env.put("CHROMIUM", chromium.toString());
        List<String> lines = CHECKS.installed("playwright-core").node(script, env, 2).lines().toList();
        try (JsonReader reader = Json.createReader(new StringReader(lines.get(lines.size() - 1)))) {
            return reader.readObject();
        }
    }
}
