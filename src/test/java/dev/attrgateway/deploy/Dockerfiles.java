package dev.attrgateway.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The Dockerfiles of {@code deploy/docker/}, read far enough to check what they copy, and the build's names. */
final class Dockerfiles {

    static final Path DIRECTORY = Path.of("deploy/docker");
    static final Path DOCKERIGNORE = Path.of(".dockerignore");

    /** One Dockerfile: its header comment and its instructions, continuation lines joined. */
    record Dockerfile(Path path, List<String> header, List<String> instructions) {

        String name() {
            return path.getFileName().toString();
        }

        @Override
        public String toString() {
            return name();
        }

        List<Copy> copies() {
            List<Copy> copies = new ArrayList<>();
            for (String instruction : instructions) {
                String[] words = instruction.trim().split("\\s+", 2);
                String keyword = words[0].toUpperCase(Locale.ROOT);
                if (!keyword.equals("COPY") && !keyword.equals("ADD")) {
                    continue;
                }
                List<String> arguments = new ArrayList<>();
                String stage = null;
                for (String argument : split(words.length > 1 ? words[1] : "")) {
                    if (argument.startsWith("--from=")) {
                        stage = argument.substring("--from=".length());
                    } else if (!argument.startsWith("--")) {
                        arguments.add(argument);
                    }
                }
                assertTrue(arguments.size() >= 2, name() + ": " + instruction + " has no source or destination");
                copies.add(new Copy(name(), stage, arguments.subList(0, arguments.size() - 1),
                        arguments.get(arguments.size() - 1)));
            }
            return copies;
        }

        /** The arguments of every instruction with this keyword. */
        List<String> arguments(String keyword) {
            return instructions.stream().filter(i -> i.trim().toUpperCase(Locale.ROOT).startsWith(keyword + " "))
                    .map(i -> i.trim().substring(keyword.length()).trim()).toList();
        }

        private static List<String> split(String text) {
            String trimmed = text.trim();
            if (trimmed.startsWith("[")) {
                // The JSON form: ["src", ..., "dest"].
                return Stream.of(trimmed.substring(1, trimmed.length() - 1).split(","))
                        .map(s -> s.trim().replaceAll("^\"|\"$", "")).toList();
            }
            return List.of(trimmed.split("\\s+"));
        }
    }

    /** A COPY or ADD: from the build context when stage is null, else from that stage. */
    record Copy(String dockerfile, String stage, List<String> sources, String destination) {

        boolean fromContext() {
            return stage == null;
        }
    }

    private Dockerfiles() {
    }

    /** Every deploy/docker/Dockerfile*; never empty. */
    static List<Dockerfile> all() {
        assertTrue(Files.isDirectory(DIRECTORY), DIRECTORY.toAbsolutePath() + " is missing");
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            List<Dockerfile> dockerfiles = files.filter(f -> f.getFileName().toString().startsWith("Dockerfile"))
                    .sorted().map(Dockerfiles::read).toList();
            assertFalse(dockerfiles.isEmpty(), "no Dockerfile in " + DIRECTORY);
            return dockerfiles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile read(Path path) {
        List<String> header = new ArrayList<>();
        List<String> instructions = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Manifests.read(path).split("\n", -1)) {
            String trimmed = line.trim();
            if (instructions.isEmpty() && current == null && (trimmed.startsWith("#") || trimmed.isEmpty())) {
                header.add(trimmed.replaceFirst("^#+\\s?", ""));
                continue;
            }
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current == null)) {
                continue;
            }
            current = current == null ? new StringBuilder() : current.append(' ');
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1);
            } else {
                instructions.add(current.append(trimmed).toString());
                current = null;
            }
        }
        assertTrue(current == null, path + " ends inside a continued instruction");
        return new Dockerfile(path, header, instructions);
    }

    /**
     * Whether .dockerignore lets this path of the build context through to the engine: its patterns in order,
     * the last that matches the path or one of its parent directories deciding, {@code !} letting through; as
     * Docker's (moby/patternmatcher) rules, with {@code *} and {@code ?} not crossing a {@code /} and {@code **}
     * crossing any number.
     */
    static boolean sentToTheEngine(String contextPath) {
        List<String> lines = List.of(Manifests.read(DOCKERIGNORE).split("\n"));
        String path = clean(contextPath);
        boolean excluded = false;
        for (String line : lines) {
            String pattern = line.trim();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean exception = pattern.startsWith("!");
            Pattern regex = glob(clean(exception ? pattern.substring(1) : pattern));
            for (String candidate = path; candidate != null; candidate = parent(candidate)) {
                if (regex.matcher(candidate).matches()) {
                    excluded = !exception;
                    break;
                }
            }
        }
        return !excluded;
    }

    private static String clean(String path) {
        return path.trim().replaceAll("^\\./|^/", "").replaceAll("/+$", "");
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    /** A Docker glob (Go's filepath.Match plus {@code **}) as a regular expression. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * The name of the native executable Quarkus writes to target/: the output name (quarkus.package.output-name,
     * else the pom's build finalName, else artifactId-version) and the runner suffix (quarkus.package.runner-suffix,
     * default {@code -runner}, the default of Quarkus' PackageConfig).
     */
    static String nativeExecutableName() {
        Properties application = KnownSettings.applicationProperties();
        Element project = pom();
        String artifactId = child(project, "artifactId");
        String version = child(project, "version");
        assertTrue(artifactId != null && version != null, "pom.xml must name its artifactId and version");
        Element build = (Element) project.getElementsByTagName("build").item(0);
        String finalName = build == null ? null : child(build, "finalName");
        String outputName = application.getProperty("quarkus.package.output-name",
                finalName != null ? finalName : artifactId + "-" + version);
        outputName = outputName.replace("${project.artifactId}", artifactId).replace("${project.version}", version);
        assertFalse(outputName.contains("${"), "cannot resolve the output name " + outputName);
        return outputName + application.getProperty("quarkus.package.runner-suffix", "-runner");
    }

    private static Element pom() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                    .getDocumentElement();
        } catch (Exception e) {
            return fail("cannot read pom.xml: " + e);
        }
    }

    /** The text of a direct child element (not of the parent's or a dependency's). */
    private static String child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        return null;
    }
}
