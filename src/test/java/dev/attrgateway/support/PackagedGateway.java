package dev.attrgateway.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway (the fast-jar, or the native executable after a native build), started as an operator
 * starts it: its own process, the prod profile, settings as environment variables. For what a test of the same JVM cannot show: start-up until
 * ready, and the stop on SIGTERM.
 */
public final class PackagedGateway implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedGateway(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the packaged gateway with these environment variables on a free port; its output goes to target/. */
    public static PackagedGateway start(String name, Map<String, String> environment) {
        try {
            int port = freePort();
            Path log = Path.of("target", name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            builder.environment().put("AWS_ACCESS_KEY_ID", "dummy");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "dummy");
            return new PackagedGateway(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replicas of the packaged gateway with the same settings (property names, passed as an operator's environment
     * variables), each named after its log file, all ready.
     */
    public static List<PackagedGateway> startReady(Map<String, String> settings, String... names)
            throws InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>();
        settings.forEach((name, value) -> environment.put(
                name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
        List<PackagedGateway> replicas = java.util.Arrays.stream(names).map(name -> start(name, environment)).toList();
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
        return URI.create("http://localhost:" + port + path);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Every line of the output that contains the text. */
    public List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        output().lines().filter(line -> line.contains(text)).forEach(lines::add);
        return lines;
    }
}
