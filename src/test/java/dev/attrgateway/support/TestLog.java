package dev.attrgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A log file a test profile has the gateway write, so that the test can read what was logged. */
public record TestLog(Path path) {

    public static TestLog at(String path) {
        return new TestLog(Path.of(path));
    }

    /** The log every test application writes unless its profile names another (application.properties, %test). */
    public static TestLog gateway() {
        return at("target/quarkus-test.log");
    }

    /** Where the log ends now: {@link #linesSince} reads what comes after. */
    public int mark() {
        return lines().size();
    }

    public List<String> linesSince(int mark) {
        List<String> lines = lines();
        return lines.subList(Math.min(mark, lines.size()), lines.size());
    }

    /**
     * Deletes what an earlier run wrote, which must not stand in for this one, and returns the settings that
     * make the gateway log to the file. Called from a profile's config overrides, before the gateway starts.
     */
    public Map<String, String> emptiedFileSettings() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.log.file.enabled", "true", "quarkus.log.file.path", path.toString());
    }

    public List<String> lines() {
        try {
            return Files.exists(path) ? Files.readAllLines(path) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return String.join("\n", lines());
    }

    public long linesContaining(String text) {
        return lines().stream().filter(line -> line.contains(text)).count();
    }
}
