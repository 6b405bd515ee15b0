package dev.attrgateway.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests of {@code deploy/kubernetes/} as an overlay applies them: rendered by
 * {@code kubectl kustomize} when kubectl is on the PATH, otherwise read from the base and overlay files by a
 * reader that understands only what these kustomizations use and fails on anything else.
 */
final class Manifests {

    static final Path KUBERNETES = Path.of("deploy/kubernetes");
    static final Path OVERLAYS = KUBERNETES.resolve("overlays");

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** Every overlay directory (jvm, native, ...); never empty. */
    static List<String> overlays() {
        assertTrue(Files.isDirectory(OVERLAYS), OVERLAYS.toAbsolutePath() + " is missing");
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            List<String> names = dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
            assertFalse(names.isEmpty(), "no overlay with a kustomization.yaml in " + OVERLAYS);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents the overlay applies. */
    static List<Map<String, Object>> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> {
            Path dir = OVERLAYS.resolve(name);
            List<Map<String, Object>> docs = kubectlOnPath() ? kubectlKustomize(dir) : readKustomization(dir);
            assertFalse(docs.isEmpty(), "overlay " + name + " renders no document");
            return docs;
        });
    }

    /** The documents of one kind. */
    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
    }

    /** The document of this kind and name; fails when there is none. */
    static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name, String overlay) {
        return ofKind(docs, kind).stream().filter(doc -> name.equals(map(doc, "metadata").get("name")))
                .findFirst().orElseGet(() -> fail(overlay + ": " + kind + " '" + name + "' is referenced but not in "
                        + "the manifests"));
    }

    /** A workload's pod template: every document with spec.template.spec (Deployment, StatefulSet, Job...). */
    static List<PodTemplate> podTemplates(String overlay) {
        List<PodTemplate> templates = new ArrayList<>();
        for (Map<String, Object> doc : render(overlay)) {
            Object spec = doc.get("spec");
            if (spec instanceof Map<?, ?> s && s.get("template") instanceof Map<?, ?> t
                    && t.get("spec") instanceof Map<?, ?> podSpec) {
                Map<String, Object> labels = map(map(cast(t), "metadata"), "labels");
                templates.add(new PodTemplate(overlay, doc.get("kind") + "/" + map(doc, "metadata").get("name"),
                        labels, cast(podSpec)));
            }
        }
        assertFalse(templates.isEmpty(), overlay + ": no workload with a pod template");
        return templates;
    }

    /** One workload's pod spec. */
    record PodTemplate(String overlay, String workload, Map<String, Object> labels, Map<String, Object> spec) {

        /** Containers and init containers; at least one. */
        List<Map<String, Object>> containers(boolean withInit) {
            List<Map<String, Object>> containers = new ArrayList<>(list(spec, "containers"));
            assertFalse(containers.isEmpty(), overlay + ": " + workload + " has no container");
            if (withInit) {
                containers.addAll(list(spec, "initContainers"));
            }
            return containers;
        }

        String where(Map<String, Object> container) {
            return overlay + ": " + workload + " container " + container.get("name");
        }

        /**
         * The environment of a container as Kubernetes sets it, name to value (null for valueFrom): envFrom first,
         * then env, which wins. ConfigMaps and Secrets named in envFrom must be in the manifests.
         */
        Map<String, String> environment(Map<String, Object> container) {
            Map<String, String> environment = new LinkedHashMap<>();
            for (Map<String, Object> source : list(container, "envFrom")) {
                String prefix = Objects.toString(source.get("prefix"), "");
                Map<String, Object> data;
                if (source.get("configMapRef") instanceof Map<?, ?> ref) {
                    Map<String, Object> configMap = named(render(overlay), "ConfigMap", (String) ref.get("name"),
                            where(container));
                    data = map(configMap, "data");
                } else if (source.get("secretRef") instanceof Map<?, ?> ref) {
                    Map<String, Object> secret = named(render(overlay), "Secret", (String) ref.get("name"),
                            where(container));
                    data = new LinkedHashMap<>(map(secret, "data"));
                    data.putAll(map(secret, "stringData"));
                } else {
                    return fail(where(container) + ": envFrom entry " + source + " is neither configMapRef nor "
                            + "secretRef");
                }
                data.forEach((key, value) -> environment.put(prefix + key, Objects.toString(value, null)));
            }
            for (Map<String, Object> variable : list(container, "env")) {
                environment.put((String) variable.get("name"), Objects.toString(variable.get("value"), null));
            }
            return environment;
        }
    }

    static boolean kubectlOnPath() {
        String path = Objects.toString(System.getenv("PATH"), "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "kubectl")).anyMatch(Files::isExecutable);
    }

    private static List<Map<String, Object>> kubectlKustomize(Path dir) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize " + dir + " did not finish");
            if (process.exitValue() != 0) {
                fail("kubectl kustomize " + dir + " failed (" + process.exitValue() + "): " + stderr.join());
            }
            return parse(stdout, "kubectl kustomize " + dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The fallback without kubectl. It knows resources (files and directories) and patches given by path, merged
    // into the document of the same kind and name the way a strategic merge patch does for these manifests
    // (maps deeply, lists of named items by name, other lists replaced). Anything else in a kustomization is
    // refused, never skipped: a test would otherwise check manifests that kubectl would apply differently. Images
    // are renamed as kustomize's images: does (name, newName, newTag or digest).
    private static final Set<String> UNDERSTOOD = Set.of("apiVersion", "kind", "resources", "patches", "images");

    private static List<Map<String, Object>> readKustomization(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        assertTrue(Files.isRegularFile(file), file + " is missing");
        Map<String, Object> kustomization = parse(read(file), file.toString()).get(0);
        for (String key : kustomization.keySet()) {
            if (!UNDERSTOOD.contains(key)) {
                fail(file + ": '" + key + "' is not understood by the reader used without kubectl; put kubectl "
                        + "on the PATH");
            }
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String resource : strings(kustomization, "resources")) {
            Path path = dir.resolve(resource).normalize();
            docs.addAll(Files.isDirectory(path) ? readKustomization(path) : parse(read(path), path.toString()));
        }
        for (Map<String, Object> patch : list(kustomization, "patches")) {
            if (patch.keySet().stream().anyMatch(key -> !key.equals("path"))) {
                fail(file + ": patch " + patch + " is not understood without kubectl (only 'path:' is)");
            }
            Path path = dir.resolve((String) patch.get("path"));
            for (Map<String, Object> change : parse(read(path), path.toString())) {
                Map<String, Object> target = docs.stream()
                        .filter(doc -> Objects.equals(doc.get("kind"), change.get("kind"))
                                && Objects.equals(map(doc, "metadata").get("name"), map(change, "metadata").get("name")))
                        .findFirst().orElseGet(() -> fail(path + " patches a document that is not in the resources"));
                merge(target, change);
            }
        }
        for (Map<String, Object> image : list(kustomization, "images")) {
            docs.forEach(doc -> rename(doc, image));
        }
        return docs;
    }

    private static void rename(Object node, Map<String, Object> image) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> object = cast(map);
            if (object.get("image") instanceof String current && object.containsKey("name")) {
                String name = (String) image.get("name");
                if (current.equals(name) || current.startsWith(name + ":") || current.startsWith(name + "@")) {
                    String reference = current.substring(name.length());
                    String newName = Objects.toString(image.get("newName"), name);
                    if (image.get("digest") != null) {
                        reference = "@" + image.get("digest");
                    } else if (image.get("newTag") != null) {
                        reference = ":" + image.get("newTag");
                    }
                    object.put("image", newName + reference);
                }
            }
            object.values().forEach(value -> rename(value, image));
        } else if (node instanceof List<?> items) {
            items.forEach(item -> rename(item, image));
        }
    }

    private static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            if (key.startsWith("$")) {
                fail("strategic merge directive " + key + " is not understood without kubectl");
            }
            Object current = target.get(key);
            if (current instanceof Map<?, ?> c && value instanceof Map<?, ?> v) {
                merge(cast(c), cast(v));
            } else if (current instanceof List<?> c && value instanceof List<?> v && isNamedList(c)
                    && isNamedList(v)) {
                List<Object> merged = new ArrayList<>(c);
                for (Object item : v) {
                    Map<String, Object> patchItem = cast((Map<?, ?>) item);
                    merged.stream().map(m -> Manifests.<String, Object>cast((Map<?, ?>) m))
                            .filter(m -> Objects.equals(m.get("name"), patchItem.get("name"))).findFirst()
                            .ifPresentOrElse(m -> merge(m, patchItem), () -> merged.add(patchItem));
                }
                target.put(key, merged);
            } else {
                target.put(key, value);
            }
        });
    }

    private static boolean isNamedList(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(item -> item instanceof Map<?, ?> m && m.get("name") != null);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** The non-empty YAML documents of a text, each a map. */
    static List<Map<String, Object>> parse(String yaml, String source) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map<?, ?> map)) {
                return fail(source + ": a document is not a mapping: " + doc);
            }
            docs.add(cast(map));
        }
        return docs;
    }

    /** The map under key, empty when absent. */
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?> map)) {
            return fail("'" + key + "' is not a mapping: " + value);
        }
        return cast(map);
    }

    /** The list of maps under key, empty when absent. */
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            return fail("'" + key + "' is not a list: " + value);
        }
        return items.stream().map(item -> item instanceof Map<?, ?> m ? Manifests.<String, Object>cast(m)
                : Assertions.<Map<String, Object>>fail("'" + key + "' holds " + item + ", not a mapping")).toList();
    }

    /** The list of strings under key, empty when absent. */
    static List<String> strings(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items) || !items.stream().allMatch(String.class::isInstance)) {
            return fail("'" + key + "' is not a list of strings: " + value);
        }
        return items.stream().map(String.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> cast(Map<?, ?> map) {
        return (Map<K, V>) map;
    }
}
