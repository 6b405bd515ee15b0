package dev.attrgateway.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GraphQL document's SHA-256 hash, as 64 lower-case hex digits of the hash of its text in UTF-8: how Apollo's
 * persisted queries, the GraphQL-over-HTTP {@code documentId} and graphql-codegen's manifests name a document.
 */
record DocumentHash(String hex) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    DocumentHash {
        if (!SHA_256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not 64 lower-case hex digits");
        }
    }

    /** The hash of this document's text. */
    static DocumentHash of(String document) {
        try {
            return new DocumentHash(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform has SHA-256.
            throw new IllegalStateException(e);
        }
    }

    /** The hash these digits spell, if they are 64 lower-case hex digits. */
    static Optional<DocumentHash> parse(String hex) {
        return SHA_256_HEX.matcher(hex).matches() ? Optional.of(new DocumentHash(hex)) : Optional.empty();
    }

    @Override
    public String toString() {
        return hex;
    }
}
