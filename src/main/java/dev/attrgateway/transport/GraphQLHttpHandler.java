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
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.FaultMapper;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.execution.OperationFacts;
import dev.attrgateway.ops.RateLimitedLog;
import dev.attrgateway.ops.GatewayMetrics;
import dev.attrgateway.ops.RequestTelemetry;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL over HTTP as the specification (graphql/graphql-over-http) requires, in front of SmallRye
 * GraphQL's execution: content negotiation, 4xx for malformed requests, queries only over GET, and
 * 400 for documents that cannot execute when the client accepts {@code application/graphql-response+json}.
 * It never parses the document itself: the execution does, once, and reports what it selected
 * ({@link OperationFacts}). SmallRye's own HTTP handler stays unreachable behind this one.
 */
final class GraphQLHttpHandler extends SmallRyeGraphQLAbstractHandler {

    /** Looked up once: {@code Json.create...} looks the provider up on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    static final String JSON = "application/json";

    /**
     * With lazy authentication Quarkus would answer a rejected token with an empty 401 the moment a
     * resolver asks for the identity; the resolver turns the same failure into a typed error instead.
     */
    private static final BiConsumer<RoutingContext, Throwable> LEAVE_AUTHENTICATION_FAILURES_TO_RESOLVERS =
            (context, failure) -> {
            };

    private static final RateLimitedLog UNREADABLE_REQUESTS = new RateLimitedLog(GraphQLHttpHandler.class,
            Duration.ofSeconds(10));

    private final RequestTelemetry telemetry;

    GraphQLHttpHandler(CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest,
            RequestTelemetry telemetry) {
        super(identities, currentRequest, false);
        this.telemetry = telemetry;
    }

    @Override
    protected void doHandle(RoutingContext context) {
        long started = System.nanoTime();
        try {
            handle(context, context.request().method(), started);
        } catch (RuntimeException unexpected) {
            respondInternalError(context, JSON, unexpected);
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

    private void handle(RoutingContext context, HttpMethod method, long started) {
        ResponseHeaders.apply(context);
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_AUTHENTICATION_FAILURES_TO_RESOLVERS);
        String mediaType = method == HttpMethod.GET || method == HttpMethod.POST ? responseMediaType(context) : JSON;
        GraphQLRequest request;
        try {
            if (method != HttpMethod.GET && method != HttpMethod.POST) {
                throw new Refusal(405, "GraphQL requests are GET (queries) or POST", "GET, POST");
            }
            if (mediaType == null) {
                throw new Refusal(406, "Accept application/graphql-response+json or application/json", null);
            }
            request = method == HttpMethod.GET ? GraphQLRequest.fromQueryParameters(context) : fromBody(context);
        } catch (Refusal e) {
            refuse(context, e.status, mediaType == null ? JSON : mediaType, e.getMessage(), e.allow);
            telemetry.refused(started, ErrorCode.BAD_REQUEST.name());
            return;
        }
        OperationFacts facts = OperationFacts.forRequest(method == HttpMethod.GET);
        Map<String, Object> executionContext = getMetaData(context);
        executionContext.put(OperationFacts.CONTEXT_KEY, facts);
        getExecutionService().executeAsync(request.toJson(), executionContext,
                new ResponseWriter(context, mediaType, request, facts, telemetry.start(started)));
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
        return Arrays.stream(contentType.split(",")).allMatch(GraphQLHttpHandler::isOneJsonInUtf8);
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
        Set<String> refused = accepted.stream().filter(header -> header.weight() <= 0).map(GraphQLHttpHandler::type)
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
        send(context, status, mediaType, GraphQLErrors.body(GatewayException.of(ErrorCode.BAD_REQUEST, message)));
    }

    /** The gateway's own failure, not the client's: 500 with a generic message, logged without details. */
    private static void respondInternalError(RoutingContext context, String mediaType, Throwable failure) {
        send(context, 500, mediaType, GraphQLErrors.body(FaultMapper.toGatewayException(failure)));
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
    private static final class ResponseWriter implements ExecutionResponseWriter {

        private final RoutingContext context;
        private final String mediaType;
        private final GraphQLRequest request;
        private final OperationFacts facts;
        private final RequestTelemetry.Execution telemetry;

        ResponseWriter(RoutingContext context, String mediaType, GraphQLRequest request, OperationFacts facts,
                RequestTelemetry.Execution telemetry) {
            this.context = context;
            this.mediaType = mediaType;
            this.request = request;
            this.facts = facts;
            this.telemetry = telemetry;
        }

        @Override
        public void write(ExecutionResponse response) {
            if (facts.refusedAsMutationOverGet()) {
                refuse(context, 405, mediaType, "Mutations are accepted over POST only", "POST");
                telemetry.finish(facts.rootFields(), ErrorCode.BAD_REQUEST.name());
                return;
            }
            ExecutionResult result = response.getExecutionResult();
            JsonObjectBuilder body = JSON_PROVIDER.createObjectBuilder();
            String outcome = GatewayMetrics.OK;
            if (!result.getErrors().isEmpty()) {
                JsonArray errors = result.isDataPresent() ? render(result.getErrors()) : requestErrors(result);
                body.add("errors", errors);
                outcome = errors.getJsonObject(0).getJsonObject("extensions").getString("code");
            }
            if (result.isDataPresent()) {
                ExecutionResult dataOnly = ExecutionResult.newExecutionResult().data(result.getData())
                        .extensions(result.getExtensions()).build();
                new ExecutionResponse(dataOnly).getExecutionResultAsJsonObject().forEach(body::add);
            }
            // Without data the request never executed: a client error, which graphql-response+json reports as 400.
            int status = result.isDataPresent() || mediaType.equals(JSON) ? 200 : 400;
            send(context, status, mediaType, body.build());
            telemetry.finish(facts.rootFields(), outcome);
        }

        @Override
        public void fail(Throwable failure) {
            respondInternalError(context, mediaType, failure);
            telemetry.finish(facts.rootFields(), ErrorCode.INTERNAL.name());
        }

        private static JsonArray render(List<GraphQLError> errors) {
            JsonArrayBuilder array = JSON_PROVIDER.createArrayBuilder();
            errors.forEach(error -> array.add(GraphQLErrors.render(FaultMapper.forGraphQLError(error),
                    error.getLocations(), error.getPath())));
            return array.build();
        }

        /**
         * Errors of a request that did not execute. SmallRye answers a document that does not parse with one
         * error of its own that says neither why nor where; only then is the document parsed again, to say where.
         */
        private JsonArray requestErrors(ExecutionResult result) {
            if (!isSmallRyesUnparseableAnswer(result.getErrors())) {
                return render(result.getErrors());
            }
            try {
                new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(request.query())
                        .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
                return render(result.getErrors());
            } catch (InvalidSyntaxException e) {
                return JSON_PROVIDER.createArrayBuilder().add(GraphQLErrors.render(FaultMapper.forSyntaxError(e),
                        e.getLocation() == null ? List.of() : List.of(e.getLocation()), List.of())).build();
            }
        }

        private static boolean isSmallRyesUnparseableAnswer(List<GraphQLError> errors) {
            return errors.size() == 1 && errors.get(0).getErrorType() == ErrorType.DataFetchingException
                    && !(errors.get(0) instanceof ExceptionWhileDataFetching);
        }
    }
}
