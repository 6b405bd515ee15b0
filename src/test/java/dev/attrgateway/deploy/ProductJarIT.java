package dev.attrgateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The gateway's own classes in the packaged application hold nothing that only dev mode and the tests need:
 * no local emulator, nothing that starts a process or sets a JVM-wide system property.
 */
class ProductJarIT {

    static final Path APPLICATION_JARS = Path.of("target/quarkus-app/app");
    /** What a class file names in its constant pool when it starts a process or writes a system property. */
    static final List<String> FORBIDDEN_USES = List.of("java/lang/ProcessBuilder", "java/lang/Runtime", "setProperty");

    @Test
    void theGatewaysClassesStartNoProcessAndSetNoSystemProperty() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> jars = Files.list(APPLICATION_JARS)) {
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (JarEntry entry : Collections.list(file.entries())) {
                        if (!entry.getName().startsWith("dev/attrgateway/") || !entry.getName().endsWith(".class")) {
                            continue;
                        }
                        if (entry.getName().startsWith("dev/attrgateway/local/")) {
                            problems.add(entry.getName() + " is the local emulator's");
                        }
                        String constants = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                        FORBIDDEN_USES.stream().filter(use -> constants.contains(constantPoolEntry(use)))
                                .forEach(use -> problems.add(entry.getName() + " uses " + use));
                    }
                }
            }
        }
        assertFalse(Files.notExists(APPLICATION_JARS), APPLICATION_JARS + " is missing after the package phase");
        assertEquals(List.of(), problems);
    }

    /** A name as the constant pool holds it: its length in two bytes, then the name (java/lang/Runtime, not ...Exception). */
    private static String constantPoolEntry(String name) {
        return "" + (char) (name.length() >> 8) + (char) (name.length() & 0xff) + name;
    }
}
