package dev.attrgateway.transport;

import static dev.attrgateway.support.GraphQL.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.attrgateway.ops.WarmUp;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The trusted list: what the build lists from graphql/operations, and the operator's manifests the gateway accepts
 * (graphql-codegen's format) or refuses at start, with a message that says what is wrong.
 */
class TrustedDocumentsTest {

    private static final Path CODEGEN_MANIFEST = Path.of("graphql/client/src/generated/persisted-documents.json");

    @TempDir
    Path directory;

    @Test
    void theBuildListsEveryExampleOperationAsItsFilesExactTextAndAsTheTypedClientSendsIt() throws IOException {
        TrustedDocuments list = TrustedDocuments.load(Optional.empty());

        int files = 0;
        try (DirectoryStream<Path> operations = Files.newDirectoryStream(Path.of("graphql/operations"), "*.graphql")) {
            for (Path file : operations) {
                files++;
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertEquals(Optional.of(text), list.document(DocumentHash.parse(sha256(text)).orElseThrow()),
                        file.toString());
            }
        }
        assertTrue(files > 0, "no example operation");
        for (String document : WarmUp.DOCUMENTS) {
            assertTrue(list.lists(DocumentHash.of(document), document), document);
        }
        JsonObject codegen;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(CODEGEN_MANIFEST))) {
            codegen = reader.readObject();
        }
        assertEquals(files, codegen.size(), "codegen's manifest has one document per example operation");
        codegen.forEach((documentId, text) -> assertTrue(list.lists(DocumentHash.parse(documentId
                .substring("sha256:".length())).orElseThrow(), ((JsonString) text).getString()), documentId));
        assertEquals(files + WarmUp.DOCUMENTS.size() + codegen.size(), list.size());
    }

    @Test
    void anOperatorsManifestInGraphqlCodegensFormatIsListed() throws IOException {
        // As the client preset writes it: its documents are printed on one line, sorted.
        String document = "query Me { me { attributes { name value } username } }";
        Path manifest = write(Json.createObjectBuilder().add(sha256(document), document).build().toString());

        TrustedDocuments list = TrustedDocuments.load(Optional.of(manifest));

        DocumentHash hash = DocumentHash.parse(sha256(document)).orElseThrow();
        assertTrue(list.lists(hash, document));
        assertEquals(TrustedDocuments.load(Optional.empty()).size() + 1, list.size());
    }

    @Test
    void aManifestThatIsNotOneStopsTheStartSayingWhy() throws IOException {
        String document = "{ me { username } }";
        assertRefused(directory.resolve("absent.json"), "cannot be read");
        assertRefused(write("{\"a\":"), "not JSON");
        assertRefused(write("[]"), "not a JSON object");
        assertRefused(write("{\"" + sha256(document) + "\": 1}"), "is not a document's text");
        assertRefused(write(Json.createObjectBuilder().add(sha1Like(), document).build().toString()),
                "is not a SHA-256 hash");
        assertRefused(write(Json.createObjectBuilder().add(sha256("{ me { sub } }"), document).build().toString()),
                "is not the SHA-256 hash of its document");
        Path latin1 = directory.resolve("latin1.json");
        Files.write(latin1, ("{\"" + sha256(document) + "\": \"Zo\u00eb\"}").getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(latin1, "cannot be read as UTF-8");
    }

    private static String sha1Like() {
        return "a".repeat(40);
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "manifest", ".json"), json);
    }

    private static void assertRefused(Path manifest, String problem) {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> TrustedDocuments.load(Optional.of(manifest)));
        assertTrue(refused.getMessage().startsWith("gateway.documents.manifest (" + manifest + "): "),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }
}
