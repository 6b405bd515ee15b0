package dev.attrgateway.security;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;

/**
 * With lazy authentication, Quarkus answers a rejected bearer token with an empty 401 as soon as the
 * identity is evaluated. The contract wants a typed {@code UNAUTHENTICATED} GraphQL error instead, which
 * {@link AccessPolicy} produces from the same failure; so the default 401 handler is switched off.
 */
@ApplicationScoped
class AuthenticationFailureAsGraphQLError {

    private static final BiConsumer<RoutingContext, Throwable> LEAVE_TO_THE_RESOLVER = (context, failure) -> {
    };

    void register(@Observes Filters filters) {
        // Runs right after the authentication filter, which installs the default handler.
        filters.register(context -> {
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_TO_THE_RESOLVER);
            context.next();
        }, SecurityHandlerPriorities.AUTHENTICATION - 1);
    }
}
