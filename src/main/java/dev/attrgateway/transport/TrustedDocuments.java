package dev.attrgateway.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import dev.attrgateway.ops.WarmUp;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The documents of the trusted list, by their hash: the example operations of {@code graphql/operations/}, each as
 * its file's exact text (the build writes them to {@link #BUILT_IN}), the gateway's own warm-up requests
 * ({@link WarmUp#DOCUMENTS}), and those of an operator's manifest. The manifests are in the format of graphql-codegen's
 * client preset ({@code persisted-documents.json}: hash to text), and every entry is checked at start: its key must
 * be the SHA-256 hash of its text.
 */
final class TrustedDocuments {

    /**
     * The lists built from {@code graphql/operations/}: the files' exact texts (pom.xml:
     * src/build/TrustedDocumentsManifest.java), and the same operations as the typed client sends them (graphql-codegen's
     * manifest, graphql/client/src/generated).
     */
    private static final List<String> BUILT_IN = List.of("graphql/persisted-documents.json",
            "graphql/client/persisted-documents.json");
    /** graphql-codegen's client preset writes its keys in the GraphQL-over-HTTP documentId form. */
    private static final String CODEGEN_KEY_PREFIX = "sha256:";
    private static final String MANIFEST_SETTING = "gateway.documents.manifest";

    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    private final Map<DocumentHash, String> documents;

    private TrustedDocuments(Map<DocumentHash, String> documents) {
        this.documents = Map.copyOf(documents);
    }

    /** The built-in list and the operator's manifest, if one is set; what cannot be read stops the start. */
    static TrustedDocuments load(Optional<Path> operatorManifest) {
        Map<DocumentHash, String> documents = new HashMap<>();
        BUILT_IN.forEach(list -> readBuiltIn(list, documents));
        WarmUp.DOCUMENTS.forEach(document -> documents.put(DocumentHash.of(document), document));
        operatorManifest.ifPresent(path -> read(path, documents));
        return new TrustedDocuments(documents);
    }

    private static void readBuiltIn(String list, Map<DocumentHash, String> documents) {
        try (InputStream builtIn = TrustedDocuments.class.getClassLoader().getResourceAsStream(list)) {
            if (builtIn == null) {
                throw new IllegalStateException("The built-in list of trusted documents (" + list + ") is not on "
                        + "the classpath: the build copies it from graphql/ (generate-resources)");
            }
            read(new String(builtIn.readAllBytes(), StandardCharsets.UTF_8), documents);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("The built-in list of trusted documents " + list + " cannot be read", e);
        }
    }

    /** The listed document of this hash. */
    Optional<String> document(DocumentHash hash) {
        return Optional.ofNullable(documents.get(hash));
    }

    /** Whether this text, of this hash, is a listed document. */
    boolean lists(DocumentHash hash, String text) {
        return text.equals(documents.get(hash));
    }

    int size() {
        return documents.size();
    }

    private static void read(Path manifest, Map<DocumentHash, String> documents) {
        String text;
        try {
            text = Files.readString(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid(manifest, "cannot be read as UTF-8 text (" + e.getClass().getSimpleName() + ")");
        }
        try {
            read(text, documents);
        } catch (IllegalArgumentException e) {
            throw invalid(manifest, e.getMessage());
        }
    }

    /** Reads a manifest's entries into {@code documents}; refuses one that is not hash to text. */
    private static void read(String manifest, Map<DocumentHash, String> documents) {
        JsonValue json;
        try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(manifest))) {
            json = reader.readValue();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (!(json instanceof JsonObject entries)) {
            throw new IllegalArgumentException("not a JSON object of documents by their hash");
        }
        entries.forEach((key, value) -> {
            if (!(value instanceof JsonString document)) {
                throw new IllegalArgumentException("the entry " + quoted(key) + " is not a document's text");
            }
            String hex = key.startsWith(CODEGEN_KEY_PREFIX) ? key.substring(CODEGEN_KEY_PREFIX.length()) : key;
            DocumentHash hash = DocumentHash.parse(hex).orElseThrow(() -> new IllegalArgumentException("the key "
                    + quoted(key) + " is not a SHA-256 hash as 64 lower-case hex digits, with or without \"sha256:\" "
                    + "(graphql-codegen: persistedDocuments.hashAlgorithm 'sha256')"));
            if (!hash.equals(DocumentHash.of(document.getString()))) {
                throw new IllegalArgumentException("the key " + key + " is not the SHA-256 hash of its document");
            }
            documents.put(hash, document.getString());
        });
    }

    private static String quoted(String key) {
        return "\"" + (key.length() > 80 ? key.substring(0, 80) + "..." : key) + "\"";
    }

    private static ConfigurationException invalid(Path manifest, String problem) {
        return new ConfigurationException(MANIFEST_SETTING + " (" + manifest + "): " + problem,
                Set.of(MANIFEST_SETTING));
    }
}
