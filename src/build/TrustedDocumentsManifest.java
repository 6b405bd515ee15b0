import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the gateway's built-in list of trusted documents, at build time (pom.xml runs it with the JDK's source
 * launcher in generate-resources): every {@code <operations>/*.graphql}, as its file's exact text, under the SHA-256
 * hash of that text, in the format of graphql-codegen's {@code persisted-documents.json}.
 *
 * <pre>java src/build/TrustedDocumentsManifest.java graphql/operations target/.../persisted-documents.json</pre>
 */
public final class TrustedDocumentsManifest {

    private TrustedDocumentsManifest() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path operations = Path.of(args[0]);
        Path manifest = Path.of(args[1]);
        Map<String, String> documents = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(operations, "*.graphql")) {
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                // Strict: a file that is not UTF-8 fails the build rather than being listed with replaced characters.
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                documents.put(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), text);
            }
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("no *.graphql file in " + operations.toAbsolutePath());
        }
        StringBuilder json = new StringBuilder("{");
        documents.forEach((hash, text) -> json.append(json.length() == 1 ? "\n  " : ",\n  ").append(quote(hash))
                .append(": ").append(quote(text)));
        Files.createDirectories(manifest.toAbsolutePath().getParent());
        Files.writeString(manifest, json.append("\n}\n"), StandardCharsets.UTF_8);
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
