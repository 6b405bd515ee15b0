package dev.attrgateway.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.attrgateway.cognito.Charge;
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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * A replica reports ready only once it can answer at once: before that, the first requests would pay for
 * opening the budget store and the connection to Cognito, building the GraphQL engine and loading the classes
 * of the request path. At start-up the store and the connection are opened (one GetUser with a token Cognito
 * refuses); then, as soon as the HTTP server listens, requests of the usual shapes go through it (none reaches
 * Cognito), the last one with a token for one of the issuer's keys whose signature cannot be right, so that the
 * verification of a token, its first use of the key and of RSA, is not left to the first caller (about 100 ms).
 * Whatever the outcome the replica is then ready: the warm-up is about speed, and the health of Cognito and
 * Redis is each request's concern, answered with typed errors or local budgets.
 */
@Readiness
@ApplicationScoped
public class WarmUp implements HealthCheck {

    static final String NAME = "warm-up";
    private static final String TYPENAME = "{ __typename }";
    private static final String ME = "{ me { username userAttributes { name value } } }";
    private static final String UPDATE = "mutation M($input: UpdateMyAttributesInput!) { updateMyAttributes("
            + "input: $input) { codeDeliveryDetailsList { attributeName } } }";
    /**
     * What the warm-up runs: a query, a field refused for want of a token, a mutation with variables refused likewise.
     * The trusted list holds them (transport.TrustedDocuments): they run whatever {@code gateway.documents.trusted}.
     */
    public static final List<String> DOCUMENTS = List.of(TYPENAME, ME, UPDATE);
    private static final List<String> REQUESTS = List.of(request(TYPENAME, null), request(ME, null),
            request(UPDATE, new JsonObject().put("input", new JsonObject().put("userAttributes",
                    new JsonArray().add(new JsonObject().put("name", "nickname").put("value", "warm-up"))))));
    /** The server starts listening just after start-up; it is asked again until then. */
    private static final Duration SERVER_START = Duration.ofSeconds(30);

    private final CognitoCalls cognito;
    private final QuotaGuard quota;
    private final Vertx vertx;
    private final Duration timeout;
    private final Optional<String> issuer;
    private volatile boolean warm;

    WarmUp(CognitoCalls cognito, QuotaGuard quota, Vertx vertx, GatewayConfig config) {
        this.cognito = cognito;
        this.quota = quota;
        this.vertx = vertx;
        this.timeout = config.upstream().timeout();
        this.issuer = config.issuer();
    }

    void warmUp(@Observes StartupEvent event) {
        long started = System.nanoTime();
        quota.open().await().indefinitely();
        cognito.getUser(Charge.gateway(), "warm-up").onFailure().recoverWithNull().await().atMost(timeout.plusSeconds(1));
        HttpClient client = vertx.createHttpClient();
        Multi.createFrom().iterable(REQUESTS)
                .onItem().transformToUniAndConcatenate(body -> send(client, body, null))
                .collect().last()
                .chain(() -> unverifiableToken(client))
                .chain(token -> send(client, request(ME, null), token))
                .eventually(client::close)
                .subscribe().with(
                        done -> ready(started, null),
                        failure -> ready(started, failure));
    }

    private Uni<Buffer> send(HttpClient client, String body, String token) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).putHeader("Content-Type", "application/json");
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        return Uni.createFrom().deferred(() -> client.request(options.setHost("localhost").setPort(httpPort()).setURI("/graphql")))
                .chain(request -> request.send(body))
                .chain(response -> response.body())
                .onFailure().retry().withBackOff(Duration.ofMillis(20), Duration.ofMillis(200)).expireIn(SERVER_START.toMillis());
    }

    /**
     * A token shaped like the issuer's access tokens, naming one of its keys (from its JWKS, as OIDC reads them),
     * with a signature of zeros: it goes through the whole verification and is refused at the signature.
     */
    private Uni<String> unverifiableToken(HttpClient client) {
        String jwks = issuer.orElseThrow(() -> new IllegalStateException("no issuer configured")) + "/.well-known/jwks.json";
        return client.request(new RequestOptions().setAbsoluteURI(jwks))
                .chain(request -> request.send())
                .chain(response -> response.body())
                .ifNoItem().after(timeout).fail()
                .map(body -> new JsonObject(body.toString()).getJsonArray("keys").getJsonObject(0).getString("kid"))
                .map(kid -> base64Url(new JsonObject().put("alg", "RS256").put("kid", kid)) + "."
                        + base64Url(new JsonObject().put("sub", "warm-up").put("token_use", "access")
                                .put("iss", issuer.get()).put("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond()))
                        + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[256]));
    }

    private static String request(String document, JsonObject variables) {
        JsonObject request = new JsonObject().put("query", document);
        return (variables == null ? request : request.put("variables", variables)).encode();
    }

    private static String base64Url(JsonObject json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
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
