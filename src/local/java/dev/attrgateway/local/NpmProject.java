package dev.attrgateway.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js project of the repository (the Cognito emulator, the browser checks, the client examples), installed
 * from its lockfile with {@code npm ci} the first time it is needed, and its scripts run to their end.
 */
public record NpmProject(Path home) {

    private static final long INSTALL_MINUTES = 10;

    public static NpmProject at(String directory) {
        return new NpmProject(Path.of(directory).toAbsolutePath());
    }

    /**
     * The project, installed: {@code npm ci} when {@code node_modules} lacks one of the packages. Dev mode and a test
     * run, or two builds, may install together: one installs while the others wait for it.
     */
    public NpmProject installed(String... packages) {
        if (isInstalled(packages)) {
            return this;
        }
        try (FileChannel channel = FileChannel.open(home.resolve(".install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            if (!isInstalled(packages)) {
                run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_MINUTES);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install the npm project in " + home, e);
        }
    }

    /** Runs {@code node script} here with these extra environment variables; returns its standard output. */
    public String node(String script, Map<String, String> environment, long minutes) {
        return run(List.of("node", script), environment, minutes);
    }

    /** Runs {@code npm run <script>} here with these extra environment variables; returns its standard output. */
    public String npmRun(String script, Map<String, String> environment, long minutes) {
        return run(List.of("npm", "run", "--silent", script), environment, minutes);
    }

    private boolean isInstalled(String... packages) {
        return List.of(packages).stream().allMatch(name -> Files.exists(home.resolve("node_modules/" + name + "/package.json")));
    }

    /**
     * Runs a command to its end; standard output is returned, both streams go to a file (surefire owns this JVM's own
     * output), which a failure quotes.
     */
    private String run(List<String> command, Map<String, String> environment, long minutes) {
        try {
            Path output = Files.createTempFile("npm-project-", ".out");
            Path errors = Files.createTempFile("npm-project-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try {
                if (!process.waitFor(minutes, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " failed in " + home + ":\n"
                            + Files.readString(output) + Files.readString(errors));
                }
                return Files.readString(output);
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " was interrupted", e);
        }
    }
}
