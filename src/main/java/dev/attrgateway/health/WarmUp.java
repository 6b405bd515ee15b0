package dev.attrgateway.health;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.quota.QuotaGuard;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * A replica reports ready only once it can answer at once: before that, the first requests would pay for
 * opening the budget store and the connection to Cognito, building the GraphQL engine and loading the classes
 * of the request path. At start-up the store and the connection are opened (one GetUser with a token Cognito
 * refuses); then, as soon as the HTTP server listens, requests of the usual shapes go through it (none reaches
 * Cognito). Whatever the outcome the replica is then ready: the warm-up is about speed, and the health of
 * Cognito and Redis is each request's concern, answered with typed errors or local budgets.
 */
@Readiness
@ApplicationScoped
public class WarmUp implements HealthCheck {

    static final String NAME = "warm-up";
    /** A query, a field refused for want of a token, a mutation with variables refused likewise. */
    private static final List<String> REQUESTS = List.of(
            "{\"query\":\"{ __typename }\"}",
            "{\"query\":\"{ me { username userAttributes { name value } } }\"}",
            "{\"query\":\"mutation M($input: UpdateMyAttributesInput!) { updateMyAttributes(input: $input) "
                    + "{ codeDeliveryDetailsList { attributeName } } }\",\"variables\":{\"input\":"
                    + "{\"userAttributes\":[{\"name\":\"nickname\",\"value\":\"warm-up\"}]}}}");
    /** The server starts listening just after start-up; it is asked again until then. */
    private static final Duration SERVER_START = Duration.ofSeconds(30);

    private final CognitoCalls cognito;
    private final QuotaGuard quota;
    private final Vertx vertx;
    private final Duration timeout;
    private volatile boolean warm;

    WarmUp(CognitoCalls cognito, QuotaGuard quota, Vertx vertx, GatewayConfig config) {
        this.cognito = cognito;
        this.quota = quota;
        this.vertx = vertx;
        this.timeout = config.upstream().timeout();
    }

    void warmUp(@Observes StartupEvent event) {
        long started = System.nanoTime();
        quota.open().await().indefinitely();
        cognito.getUser("warm-up", null).onFailure().recoverWithNull().await().atMost(timeout.plusSeconds(1));
        HttpClient client = vertx.createHttpClient();
        Multi.createFrom().iterable(REQUESTS)
                .onItem().transformToUniAndConcatenate(body -> send(client, body))
                .collect().last()
                .eventually(client::close)
                .subscribe().with(
                        done -> ready(started, null),
                        failure -> ready(started, failure));
    }

    private Uni<Buffer> send(HttpClient client, String body) {
        return Uni.createFrom().deferred(() -> client.request(new RequestOptions().setMethod(HttpMethod.POST)
                        .setHost("localhost").setPort(httpPort()).setURI("/graphql")
                        .putHeader("Content-Type", "application/json")))
                .chain(request -> request.send(body))
                .chain(response -> response.body())
                .onFailure().retry().withBackOff(Duration.ofMillis(20), Duration.ofMillis(200)).expireIn(SERVER_START.toMillis());
    }

    private void ready(long started, Throwable failure) {
        if (failure != null) {
            Log.warnf("The warm-up did not complete (%s): the first requests may be slower", failure);
        }
        warm = true;
        Log.infof("Warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** The port the server listens on, once it listens (a port chosen at random is known only then). */
    private static int httpPort() {
        String port = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getValue(port, Integer.class);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(warm).build();
    }
}
