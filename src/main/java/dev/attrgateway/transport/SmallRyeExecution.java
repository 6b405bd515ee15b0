package dev.attrgateway.transport;

import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.json.JsonObject;

import graphql.ExecutionResult;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.ext.web.RoutingContext;

/**
 * The one class that builds on Quarkus' internal API: it lets {@link GraphQLOverHttp} (public API only) run a request
 * through SmallRye GraphQL's execution as Quarkus' own GraphQL handler would. SmallRye offers no public way to do so:
 * its execution's resolvers read keys of the request's GraphQL context that only Quarkus' handler sets (whether to
 * run blocking, the request context's state), and the handler is also what activates the request context and binds
 * the caller's (lazily authenticated) identity. So this extends that handler, as little as it can; on an upgrade
 * that changes it, the build breaks here or SmallRyeExecutionTest fails.
 */
final class SmallRyeExecution extends SmallRyeGraphQLAbstractHandler {

    /**
     * With lazy authentication Quarkus would answer a rejected token with an empty 401 the moment a resolver asks
     * for the identity; the resolver turns the same failure into a typed error instead.
     */
    private static final BiConsumer<RoutingContext, Throwable> LEAVE_AUTHENTICATION_FAILURES_TO_RESOLVERS =
            (context, failure) -> {
            };

    private final GraphQLOverHttp transport;

    SmallRyeExecution(CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest,
            GraphQLOverHttp transport) {
        super(identities, currentRequest, false);
        this.transport = transport;
    }

    /** What becomes of an execution: its result, or the failure of the execution itself. */
    interface Outcome {

        void result(ExecutionResult result);

        void failed(Throwable failure);
    }

    @Override
    protected void doHandle(RoutingContext context) {
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_AUTHENTICATION_FAILURES_TO_RESOLVERS);
        transport.handle(context, this);
    }

    /** Runs the request (SmallRye's JSON form), with these entries added to its GraphQL context. */
    void execute(RoutingContext context, JsonObject request, Map<String, Object> graphQLContext, Outcome outcome) {
        Map<String, Object> metaData = getMetaData(context);
        metaData.putAll(graphQLContext);
        getExecutionService().executeAsync(request, metaData, new ExecutionResponseWriter() {
            @Override
            public void write(ExecutionResponse response) {
                outcome.result(response.getExecutionResult());
            }

            @Override
            public void fail(Throwable failure) {
                outcome.failed(failure);
            }
        });
    }

    /** The result's {@code data} and {@code extensions} as SmallRye writes them (its JSON settings included). */
    static JsonObject dataAndExtensions(ExecutionResult result) {
        return new ExecutionResponse(ExecutionResult.newExecutionResult().data(result.getData())
                .extensions(result.getExtensions()).build()).getExecutionResultAsJsonObject();
    }
}
