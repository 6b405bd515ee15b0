package dev.attrgateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.deploy.Dockerfiles.Copy;
import dev.attrgateway.deploy.Dockerfiles.Dockerfile;

/**
 * What the Dockerfiles say and copy, checked without a container engine. That the build leaves every file they
 * copy from target/ is {@link DockerfileSourcesIT}'s part, after the package phase.
 */
class DockerfilesTest {

    static List<Dockerfile> dockerfiles() {
        return Dockerfiles.all();
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void theHeaderNamesTheBuildAndRunCommands(Dockerfile dockerfile) {
        String header = String.join("\n", dockerfile.header());
        String file = Dockerfiles.DIRECTORY + "/" + dockerfile.name();
        assertTrue(header.matches("(?s).*docker build[^\n]* -f " + Pattern.quote(file) + " [^\n]* \\.\n.*"),
                dockerfile.name() + ": the header must give `docker build -f " + file + " ... .` (from the root)");
        assertTrue(header.contains("docker run "), dockerfile.name() + ": the header must give `docker run ...`");

        List<Copy> fromTarget = dockerfile.copies().stream().filter(Copy::fromContext)
                .filter(copy -> copy.sources().stream().anyMatch(source -> source.startsWith("target/"))).toList();
        if (!fromTarget.isEmpty()) {
            // It copies what a Maven build left: the header must say which build.
            boolean nativeExecutable = fromTarget.stream().flatMap(copy -> copy.sources().stream())
                    .anyMatch(source -> source.endsWith("-runner"));
            String build = header.lines().filter(line -> line.contains("./mvnw") && line.contains(" package"))
                    .findFirst().orElse("");
            assertFalse(build.isEmpty(), dockerfile.name() + ": copies " + fromTarget
                    + " but its header names no ./mvnw ... package command");
            assertEquals(nativeExecutable, build.contains("-Dquarkus.native.enabled=true"),
                    dockerfile.name() + ": the build command `" + build.trim() + "` must "
                            + (nativeExecutable ? "" : "not ") + "build the native executable");
        }
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void everySourceFromTheContextIsSentAndExists(Dockerfile dockerfile) {
        List<String> problems = new ArrayList<>();
        for (Copy copy : dockerfile.copies()) {
            if (!copy.fromContext()) {
                continue;
            }
            for (String source : copy.sources()) {
                String concrete = source.endsWith("*-runner")
                        ? source.replace("*-runner", Dockerfiles.nativeExecutableName()) : source;
                if (concrete.contains("*") || concrete.contains("?")) {
                    problems.add(source + ": a glob this test cannot resolve");
                    continue;
                }
                if (!Dockerfiles.sentToTheEngine(concrete)) {
                    problems.add(source + " is excluded by " + Dockerfiles.DOCKERIGNORE);
                }
                if (!source.startsWith("target/") && !Files.exists(Path.of(concrete))) {
                    problems.add(source + " is not in the repository");
                }
            }
        }
        assertEquals(List.of(), problems, dockerfile.name());
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void theNativeExecutableGlobMatchesTheNameThePomGives(Dockerfile dockerfile) {
        String executable = Dockerfiles.nativeExecutableName();
        for (Copy copy : dockerfile.copies()) {
            for (String source : copy.sources()) {
                if (source.contains("target/") && source.contains("-runner")) {
                    String file = source.substring(source.lastIndexOf('/') + 1);
                    assertTrue(Dockerfiles.glob(file).matcher(executable).matches(),
                            dockerfile.name() + ": " + source + " does not match " + executable);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void itExposesTheConfiguredHttpPort(Dockerfile dockerfile) {
        assertEquals(List.of(String.valueOf(Probes.httpPort(Map.of()))), dockerfile.arguments("EXPOSE"),
                dockerfile.name());
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void itRunsAsANumericNonRootUser(Dockerfile dockerfile) {
        // Numeric, or Kubernetes cannot check runAsNonRoot (deployment.yaml) and refuses to start the pod.
        List<String> users = dockerfile.arguments("USER");
        assertFalse(users.isEmpty(), dockerfile.name() + " sets no USER");
        String last = users.get(users.size() - 1);
        assertTrue(last.matches("[1-9][0-9]*(:[0-9]+)?"), dockerfile.name() + ": the final USER is " + last);
    }
}
