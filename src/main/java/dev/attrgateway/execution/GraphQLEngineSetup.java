package dev.attrgateway.execution;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.attrgateway.config.GatewayConfig;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.parser.ParserOptions;

/**
 * Sets up the GraphQL engine SmallRye builds, once, when it builds it (SmallRye's CDI event, enabled by
 * {@code quarkus.smallrye-graphql.events.enabled}): the parser's limits on documents and the
 * {@link OperationBounds} (root fields, depth, complexity) in front of SmallRye's own instrumentation.
 */
@ApplicationScoped
class GraphQLEngineSetup {

    private final GatewayConfig.Limits limits;

    GraphQLEngineSetup(GatewayConfig config) {
        this.limits = config.limits();
    }

    void setUp(@Observes GraphQL.Builder builder) {
        // Every parse of an operation uses these, SmallRye's included, which happen before a request's own
        // context exists. They bound the work a document costs and the memory SmallRye's document cache holds.
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions().transform(
                options -> options.maxCharacters(limits.documentCharacters())
                        .maxTokens(limits.documentTokens())
                        .captureLineComments(false)));
        // The builder keeps what SmallRye configured; a GraphQL built from it shows that instrumentation.
        builder.instrumentation(new ChainedInstrumentation(List.of(new OperationBounds(limits.rootFields(), limits.depth(), limits.complexity()),
                builder.build().getInstrumentation())));
    }
}
