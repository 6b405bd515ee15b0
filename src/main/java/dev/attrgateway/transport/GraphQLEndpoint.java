package dev.attrgateway.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.attrgateway.ops.RequestTelemetry;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Installs {@link GraphQLOverHttp} on {@code /graphql}, ahead of SmallRye GraphQL's own route, which it shadows
 * (SmallRye's handler breaks several MUST rules of the specification), through the {@link SmallRyeExecution} adapter.
 */
@ApplicationScoped
class GraphQLEndpoint {

    /** After the security filters (negative orders), before the extensions' routes (order 0 and up). */
    private static final int ORDER = -1;

    void install(@Observes Router router, CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest,
            RequestTelemetry telemetry, PersistedDocuments documents,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        router.route("/graphql").order(ORDER)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()))
                .handler(new SmallRyeExecution(identities, currentRequest, new GraphQLOverHttp(telemetry, documents)))
                .failureHandler(GraphQLOverHttp::refuseFailedRequest);
    }
}
