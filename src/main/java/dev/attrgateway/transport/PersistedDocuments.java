package dev.attrgateway.transport;

import java.time.Duration;
import java.util.Locale;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.config.GatewayConfig.Documents.Trusted;
import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.ops.RateLimitedLog;
import io.quarkus.logging.Log;

/**
 * Which document a request runs, decided before anything parses it: the text it sends, a document it names by hash
 * (Apollo's automatic persisted queries: a document sent once with its hash, then by the hash alone; or one of the
 * {@link TrustedDocuments} by its {@code documentId}), and, with {@code gateway.documents.trusted}, only the trusted
 * list's documents ({@code true}) or any, reporting the others ({@code log}).
 */
@Singleton
class PersistedDocuments {

    /** SmallRye GraphQL's bound on its cache of parsed documents, a system property, and its default. */
    private static final String QUERY_CACHE_MAX_SIZE = "io.smallrye.graphql.execution.queryCacheMaxSize";
    private static final int QUERY_CACHE_DEFAULT_SIZE = 2048;
    private static final RateLimitedLog UNLISTED = new RateLimitedLog(PersistedDocuments.class,
            Duration.ofSeconds(10));

    private final Trusted trusted;
    private final TrustedDocuments list;
    /**
     * As many documents as SmallRye keeps parsed; each at most {@code gateway.limits.document-characters} long, since
     * only documents that ran are kept and the parser refuses longer ones.
     */
    private final Cache<DocumentHash, String> registered;

    PersistedDocuments(GatewayConfig config) {
        this.registered = Caffeine.newBuilder()
                .maximumSize(Integer.getInteger(QUERY_CACHE_MAX_SIZE, QUERY_CACHE_DEFAULT_SIZE)).build();
        this.trusted = config.documents().trusted();
        this.list = TrustedDocuments.load(config.documents().manifest());
        Log.infof("Trusted documents: %d listed, gateway.documents.trusted=%s", list.size(),
                trusted.name().toLowerCase(Locale.ROOT));
    }

    /** A document to run: its text, and the hash to remember it by once it has run (a persisted query's). */
    record Document(String text, DocumentHash toRegister) {
    }

    /**
     * The document the request runs; a request for one the gateway does not know or may not run is refused here
     * ({@code PERSISTED_QUERY_NOT_FOUND}, {@code PERSISTED_QUERY_NOT_IN_LIST}), and so is a hash that is not its
     * query's (400).
     */
    Document resolve(GraphQLRequest request) {
        if (request.documentId() != null) {
            return list.document(request.documentId()).map(text -> new Document(text, null))
                    .orElseThrow(() -> trusted == Trusted.TRUE ? notInList() : notFound());
        }
        DocumentHash hash = request.persistedQuery();
        String query = request.query();
        if (query == null) {
            return byHashAlone(hash);
        }
        if (hash != null && !hash.equals(DocumentHash.of(query))) {
            // Registering it would let this request answer for another document's hash.
            throw Refusal.badRequest("extensions.persistedQuery.sha256Hash is not the SHA-256 hash of the query");
        }
        if (trusted == Trusted.FALSE) {
            return new Document(query, hash);
        }
        DocumentHash queryHash = hash != null ? hash : DocumentHash.of(query);
        if (list.lists(queryHash, query)) {
            return new Document(query, null);
        }
        if (trusted == Trusted.TRUE) {
            throw notInList();
        }
        reportUnlisted(queryHash);
        return new Document(query, hash);
    }

    /** The document has run: a persisted query's hash may now stand for it. */
    void ran(Document document) {
        if (document.toRegister() != null) {
            registered.put(document.toRegister(), document.text());
        }
    }

    private Document byHashAlone(DocumentHash hash) {
        String listed = list.document(hash).orElse(null);
        if (listed != null) {
            return new Document(listed, null);
        }
        if (trusted == Trusted.TRUE) {
            throw notInList();
        }
        String text = registered.getIfPresent(hash);
        if (text == null) {
            throw notFound();
        }
        if (trusted == Trusted.LOG) {
            reportUnlisted(hash);
        }
        return new Document(text, null);
    }

    /** Its hash only: the text may hold values (codes, attributes) in literals. */
    private static void reportUnlisted(DocumentHash hash) {
        UNLISTED.warn("Accepted a document that is not on the trusted list (sha256 " + hash + ")");
    }

    /** Apollo's words, which its PersistedQueryLink and urql's persistedExchange read as "send the query". */
    private static GatewayException notFound() {
        return GatewayException.of(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
    }

    private static GatewayException notInList() {
        return GatewayException.of(ErrorCode.PERSISTED_QUERY_NOT_IN_LIST,
                "Only the gateway's trusted documents run, and this one is not on the list");
    }
}
