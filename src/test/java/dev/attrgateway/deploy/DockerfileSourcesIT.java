package dev.attrgateway.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.attrgateway.deploy.Dockerfiles.Copy;

/**
 * After {@code ./mvnw package}, every file a Dockerfile copies from target/ is there. Which build ran (jar or
 * native) comes from target/quarkus-artifact.properties, which Quarkus writes; the copies of the other kind are
 * reported as skipped, naming the build that checks them.
 */
class DockerfileSourcesIT {

    /** Set by the failsafe configuration in pom.xml, which runs after the package phase. */
    static final String AFTER_PACKAGE = "attrgateway.after-package";
    static final Path ARTIFACT = Path.of("target/quarkus-artifact.properties");

    private static String builtType;

    @BeforeAll
    static void readTheBuild() {
        if (!Files.exists(ARTIFACT)) {
            if (!Boolean.getBoolean(AFTER_PACKAGE)) {
                abort("runs after ./mvnw package (failsafe, ./mvnw verify); " + ARTIFACT + " is not there yet");
            }
            fail(ARTIFACT + " is missing after the package phase: Quarkus built nothing?");
        }
        Properties artifact = new Properties();
        try (Reader reader = Files.newBufferedReader(ARTIFACT)) {
            artifact.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        builtType = artifact.getProperty("type");
        assertTrue(builtType != null, ARTIFACT + " names no type: " + artifact);
    }

    @TestFactory
    Stream<DynamicTest> everyFileCopiedFromTargetExists() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dockerfiles.Dockerfile dockerfile : Dockerfiles.all()) {
            for (Copy copy : dockerfile.copies()) {
                if (!copy.fromContext()) {
                    continue;
                }
                for (String source : copy.sources()) {
                    if (source.startsWith("target/")) {
                        tests.add(DynamicTest.dynamicTest(dockerfile.name() + ": " + source, () -> exists(source)));
                    }
                }
            }
        }
        assertFalse(tests.isEmpty(), "no Dockerfile copies anything from target/");
        return tests.stream();
    }

    private static void exists(String source) {
        boolean nativeExecutable = source.endsWith("-runner");
        String needs = nativeExecutable ? "native" : "jar";
        assumeTrue(needs.equals(builtType), "this build made a " + builtType + " artifact; " + source + " needs a "
                + needs + " build" + (nativeExecutable ? " (./mvnw verify -Dquarkus.native.enabled=true)" : ""));
        String concrete = nativeExecutable
                ? source.substring(0, source.lastIndexOf('/') + 1) + Dockerfiles.nativeExecutableName()
                : source;
        Path path = Path.of(concrete);
        assertTrue(source.endsWith("/") ? Files.isDirectory(path) : Files.isRegularFile(path),
                source + " is not in target/ after the " + builtType + " build");
        if (nativeExecutable) {
            assertTrue(Files.isExecutable(path), concrete + " is not executable");
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                assertTrue(files.findAny().isPresent(), source + " is empty");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
