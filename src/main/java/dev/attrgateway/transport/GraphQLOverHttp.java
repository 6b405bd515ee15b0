package dev.attrgateway.transport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.execution.ExecutionErrors;
import dev.attrgateway.execution.OperationFacts;
import dev.attrgateway.ops.GatewayMetrics;
import dev.attrgateway.ops.RateLimitedLog;
import dev.attrgateway.ops.RequestTelemetry;
import graphql.ExecutionResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL over HTTP as the specification (graphql/graphql-over-http) requires, in front of SmallRye GraphQL's
 * execution: content negotiation, 4xx for malformed requests, queries only over GET, and 400 for documents that cannot
 * execute when the client accepts {@code application/graphql-response+json}. Which document runs (the one sent, or one
 * named by hash) {@link PersistedDocuments} decides first. It never parses the document itself: the execution does,
 * once, and reports what it selected ({@link OperationFacts}). What an error is, the boundary that met it decided (the
 * execution's: {@link ExecutionErrors}; the documents': {@link PersistedDocuments}); this class only writes it, and
 * measures the request by it.
 */
final class GraphQLOverHttp {

    /** Looked up once: {@code Json.create...} looks the provider up on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    static final String JSON = "application/json";

    private static final RateLimitedLog UNREADABLE_REQUESTS = new RateLimitedLog(GraphQLOverHttp.class,
            Duration.ofSeconds(10));

    private final RequestTelemetry telemetry;
    private final PersistedDocuments documents;

    GraphQLOverHttp(RequestTelemetry telemetry, PersistedDocuments documents) {
        this.telemetry = telemetry;
        this.documents = documents;
    }

    /** Answers the request, with the execution it runs on. */
    void handle(RoutingContext context, SmallRyeExecution execution) {
        long started = System.nanoTime();
        try {
            handle(context, execution, context.request().method(), started);
        } catch (RuntimeException unexpected) {
            send(context, 500, JSON, ErrorRendering.body(GatewayException.from(unexpected)));
            telemetry.refused(started, ErrorCode.INTERNAL.name());
        }
    }

    /**
     * A request the body handler could not read: larger than allowed (413), or cut short or malformed on the wire
     * (400, and the connection closed). Any client can send those by the thousand: they are logged as one line,
     * without the failure's message or stack, at most every ten seconds.
     */
    static void refuseFailedRequest(RoutingContext context) {
        ResponseHeaders.apply(context);
        if (context.statusCode() == 413) {
            refuse(context, 413, JSON, "The request body is larger than the gateway accepts", null);
            return;
        }
        Throwable failure = context.failure();
        UNREADABLE_REQUESTS.warn("A request to /graphql could not be read ("
                + (failure == null ? "status " + context.statusCode() : failure.getClass().getSimpleName()) + ")");
        context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        refuse(context, 400, JSON, "The request could not be read", null);
    }

    private void handle(RoutingContext context, SmallRyeExecution execution, HttpMethod method, long started) {
        ResponseHeaders.apply(context);
        String mediaType = method == HttpMethod.GET || method == HttpMethod.POST ? responseMediaType(context) : JSON;
        GraphQLRequest request;
        PersistedDocuments.Document document;
        try {
            if (method != HttpMethod.GET && method != HttpMethod.POST) {
                throw new Refusal(405, "GraphQL requests are GET (queries) or POST", "GET, POST");
            }
            if (mediaType == null) {
                throw new Refusal(406, "Accept application/graphql-response+json or application/json", null);
            }
            request = method == HttpMethod.GET ? GraphQLRequest.fromQueryParameters(context) : fromBody(context);
            document = documents.resolve(request);
        } catch (Refusal e) {
            refuse(context, e.status, mediaType == null ? JSON : mediaType, e.getMessage(), e.allow);
            telemetry.refused(started, ErrorCode.BAD_REQUEST.name());
            return;
        } catch (GatewayException persistedDocumentRefused) {
            send(context, statusWithoutData(mediaType), mediaType, ErrorRendering.body(persistedDocumentRefused));
            telemetry.refused(started, persistedDocumentRefused.code());
            return;
        }
        OperationFacts facts = OperationFacts.forRequest(method == HttpMethod.GET);
        execution.execute(context, request.toJson(document.text()), Map.of(OperationFacts.CONTEXT_KEY, facts),
                new ResponseWriter(context, mediaType, document, documents, facts, telemetry.start(started)));
    }

    /**
     * A response without data is a request that never executed: a client error, which graphql-response+json reports
     * as 400 (the specification's MUST). Apollo's PersistedQueryLink and urql's persistedExchange read a
     * {@code PERSISTED_QUERY_NOT_FOUND} from that 400's body as they do from a 200's.
     */
    private static int statusWithoutData(String mediaType) {
        return mediaType.equals(JSON) ? 200 : 400;
    }

    private static GraphQLRequest fromBody(RoutingContext context) {
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !isJsonInUtf8(contentType)) {
            throw new Refusal(415, "The request body must be application/json (UTF-8)", null);
        }
        return GraphQLRequest.fromBody(utf8(context.body().buffer()));
    }

    /** The body as text; bytes that are not UTF-8 are refused, never replaced and run. */
    private static String utf8(Buffer body) {
        if (body == null) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw Refusal.badRequest("The request body is not valid UTF-8");
        }
    }

    /**
     * {@code application/json}, in UTF-8 if a charset is named. GraphiQL sends the header twice, which
     * arrives as {@code application/json, application/json}: a list that names nothing else is accepted.
     */
    private static boolean isJsonInUtf8(String contentType) {
        return Arrays.stream(contentType.split(",")).allMatch(GraphQLOverHttp::isOneJsonInUtf8);
    }

    private static boolean isOneJsonInUtf8(String mediaType) {
        String[] parts = mediaType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].trim().equals(JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The response type from {@code Accept}, in the client's order of preference: {@code application/json}
     * without one, null when neither GraphQL media type is acceptable. A type given {@code q=0} is never
     * chosen, not even through a wildcard.
     */
    private static String responseMediaType(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.ACCEPT) == null) {
            return JSON;
        }
        List<MIMEHeader> accepted = context.parsedHeaders().accept();
        Set<String> refused = accepted.stream().filter(header -> header.weight() <= 0).map(GraphQLOverHttp::type)
                .collect(Collectors.toSet());
        for (MIMEHeader header : accepted) {
            if (header.weight() <= 0) {
                continue;
            }
            String type = type(header);
            if (type.equals(GRAPHQL_RESPONSE_JSON) || type.equals(JSON)) {
                return type;
            }
            if (type.equals("*/*") || type.equals("application/*")) {
                return Stream.of(GRAPHQL_RESPONSE_JSON, JSON).filter(candidate -> !refused.contains(candidate))
                        .findFirst().orElse(null);
            }
        }
        return null;
    }

    private static String type(MIMEHeader header) {
        return (header.component() + "/" + header.subComponent()).toLowerCase(Locale.ROOT);
    }

    private static void refuse(RoutingContext context, int status, String mediaType, String message, String allow) {
        if (allow != null) {
            context.response().putHeader(HttpHeaders.ALLOW, allow);
        }
        send(context, status, mediaType, ErrorRendering.body(GatewayException.of(ErrorCode.BAD_REQUEST, message)));
    }

    private static void send(RoutingContext context, int status, String mediaType, JsonObject body) {
        if (context.response().ended() || context.response().closed()) {
            return;
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, mediaType + "; charset=utf-8")
                .end(body.toString());
    }

    /** Writes SmallRye's result with the contract's errors, and the status the specification asks for. */
    private static final class ResponseWriter implements SmallRyeExecution.Outcome {

        private final RoutingContext context;
        private final String mediaType;
        private final PersistedDocuments.Document document;
        private final PersistedDocuments documents;
        private final OperationFacts facts;
        private final RequestTelemetry.Execution telemetry;

        ResponseWriter(RoutingContext context, String mediaType, PersistedDocuments.Document document,
                PersistedDocuments documents, OperationFacts facts, RequestTelemetry.Execution telemetry) {
            this.context = context;
            this.mediaType = mediaType;
            this.document = document;
            this.documents = documents;
            this.facts = facts;
            this.telemetry = telemetry;
        }

        @Override
        public void result(ExecutionResult result) {
            if (facts.refusedAsMutationOverGet()) {
                refuse(context, 405, mediaType, "Mutations are accepted over POST only", "POST");
                telemetry.finish(facts.rootFields(), ErrorCode.BAD_REQUEST.name());
                return;
            }
            JsonObjectBuilder body = JSON_PROVIDER.createObjectBuilder();
            String outcome = GatewayMetrics.OK;
            if (!result.getErrors().isEmpty()) {
                List<ExecutionErrors.Located> errors = ExecutionErrors.of(result.getErrors(), result.isDataPresent(),
                        document.text());
                body.add("errors", ErrorRendering.render(errors));
                outcome = errors.get(0).error().code();
            }
            if (result.isDataPresent()) {
                SmallRyeExecution.dataAndExtensions(result).forEach(body::add);
                documents.ran(document);
            }
            send(context, result.isDataPresent() ? 200 : statusWithoutData(mediaType), mediaType, body.build());
            telemetry.finish(facts.rootFields(), outcome);
        }

        /** The gateway's own failure, not the client's: 500 with a generic message, logged without details. */
        @Override
        public void failed(Throwable failure) {
            send(context, 500, mediaType, ErrorRendering.body(GatewayException.from(failure)));
            telemetry.finish(facts.rootFields(), ErrorCode.INTERNAL.name());
        }
    }
}
