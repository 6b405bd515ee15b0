package dev.attrgateway.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * The packaged gateway (the fast-jar, or the native executable after a native build), started as an operator
 * starts it: its own process, the prod profile, settings as environment variables. For what a test of the same JVM cannot show: start-up until
 * ready, and the stop on SIGTERM.
 */
public final class PackagedGateway implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** The line Quarkus logs once it listens, with the port it was given (0 asks the system for a free one). */
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:/]+:(\\d+)");

    private final Process process;
    private final Path log;
    private volatile int port;

    private PackagedGateway(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the packaged gateway with these settings (property names, passed as an operator's environment variables)
     * on a port the system picks; its output goes to target/NAME.log.
     */
    public static PackagedGateway start(String name, Map<String, String> settings) {
        try {
            Path log = Path.of("target", name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(log.toFile());
            settings.forEach((property, value) -> builder.environment().put(
                    property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
            builder.environment().put("QUARKUS_HTTP_PORT", "0");
            builder.environment().put("AWS_ACCESS_KEY_ID", "dummy");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "dummy");
            return new PackagedGateway(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replicas of the packaged gateway with the same settings, each named after its log file, all ready. */
    public static List<PackagedGateway> startReady(Map<String, String> settings, String... names)
            throws InterruptedException {
        List<PackagedGateway> replicas = Arrays.stream(names).map(name -> start(name, settings)).toList();
        for (PackagedGateway replica : replicas) {
            replica.awaitReady(Duration.ofSeconds(60));
        }
        return replicas;
    }

    /** The last build's artifact: the native executable after a native build, else the fast-jar. */
    private static List<String> command() throws IOException {
        Properties artifact = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("target/quarkus-artifact.properties"))) {
            artifact.load(reader);
        }
        if ("native".equals(artifact.getProperty("type"))) {
            return List.of(Path.of("target", artifact.getProperty("path")).toString(), "-Xmx256m");
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                "target/quarkus-app/quarkus-run.jar");
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    /** The port it listens on, as it logged it; it waits for the line, unless the process ends first. */
    private int port() {
        if (port == 0) {
            port = Awaitility.await("the gateway listens").atMost(Duration.ofSeconds(60))
                    .until(() -> {
                        Matcher listening = LISTENING.matcher(output());
                        if (listening.find()) {
                            return Integer.parseInt(listening.group(1));
                        }
                        if (!process.isAlive()) {
                            throw new AssertionError("the gateway ended; its output:\n" + output());
                        }
                        return 0;
                    }, listening -> listening > 0);
        }
        return port;
    }

    /** The status of a GET, or -1 when nothing answers. */
    public int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits for /q/health/ready to answer 200, and returns when it did; fails with the gateway's output if not. */
    public long awaitReady(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (status("/q/health/ready") == 200) {
                return System.nanoTime();
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("not ready within " + atMost + "; its output:\n" + output());
    }

    /** A GraphQL request, sent now; the answer comes when the gateway gives it. */
    public java.util.concurrent.CompletableFuture<HttpResponse<String>> post(String body, String accessToken) {
        return HTTP.sendAsync(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One scrape of its /q/metrics. */
    public PrometheusScrape metrics() {
        try {
            return PrometheusScrape.of(HTTP.send(HttpRequest.newBuilder(uri("/q/metrics")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Bursts of GraphQL requests, each to the next replica in turn, for a while; returns the seconds until the last
     * answer. Every answer is a success or RATE_LIMITED.
     */
    public static double flood(List<PackagedGateway> replicas, Duration during, java.util.function.Supplier<String> tokens,
            String body) throws InterruptedException {
        long started = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        int sent = 0;
        while (System.nanoTime() - started < during.toNanos()) {
            for (int i = 0; i < 6; i++) {
                answers.add(replicas.get(sent++ % replicas.size()).post(body, tokens.get()));
            }
            Thread.sleep(100);
        }
        answers.forEach(answer -> org.junit.jupiter.api.Assertions.assertEquals(200, answer.join().statusCode()));
        double seconds = (System.nanoTime() - started) / 1e9;
        answers.stream().map(answer -> Concurrently.json(answer.join())).filter(json -> json.containsKey("errors"))
                .forEach(json -> org.junit.jupiter.api.Assertions.assertEquals("RATE_LIMITED", json.getJsonArray("errors")
                        .getJsonObject(0).getJsonObject("extensions").getString("code"), json.toString()));
        return seconds;
    }

    /** SIGTERM, as Kubernetes sends it. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; true if it did within the time. */
    public boolean awaitExit(Duration atMost) throws InterruptedException {
        return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Every line of the output that contains the text. */
    public List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        output().lines().filter(line -> line.contains(text)).forEach(lines::add);
        return lines;
    }
}
