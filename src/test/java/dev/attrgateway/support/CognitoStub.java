package dev.attrgateway.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A Cognito stand-in speaking its wire protocol ({@code POST /}, {@code X-Amz-Target},
 * {@code application/x-amz-json-1.1}, errors as {@code {"__type", "message"}}), for what the emulator
 * cannot do: any exception on demand, throttling, slowness, silence, 5xx pages, garbage, resets.
 * Unscripted operations get a plausible success; DescribeUserPool a {@linkplain #standardPool pool} with both kinds
 * of verified attribute, unless told to describe another. Other paths can be given {@linkplain #route routes} of
 * their own (a JWKS, say); the benchmark runs it as a process of its own ({@code dev.attrgateway.bench.BenchCognito}).
 */
public final class CognitoStub implements AutoCloseable {

    /** The {@code sub} of the user the stub's {@code GetUser} and {@code AdminGetUser} answer with. */
    public static final String USER_SUB = "5e1d2c3b-0000-4000-8000-00000000a11c";

    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final String USER_ATTRIBUTES = "\"UserAttributes\":[{\"Name\":\"sub\",\"Value\":\"" + USER_SUB
            + "\"},{\"Name\":\"email\",\"Value\":\"stub@example.com\"},"
            + "{\"Name\":\"email_verified\",\"Value\":\"true\"}]";
    private static final Map<String, String> DEFAULT_SUCCESS = Map.of(
            "GetUser", "{\"Username\":\"stub-user\"," + USER_ATTRIBUTES + "}",
            "AdminGetUser", "{\"Username\":\"stub-user\",\"Enabled\":true,\"UserStatus\":\"CONFIRMED\","
                    + USER_ATTRIBUTES + "}",
            "UpdateUserAttributes", "{\"CodeDeliveryDetailsList\":[]}",
            "AdminUpdateUserAttributes", "{}",
            "VerifyUserAttribute", "{}",
            "GetUserAttributeVerificationCode", "{\"CodeDeliveryDetails\":{\"AttributeName\":\"email\","
                    + "\"DeliveryMedium\":\"EMAIL\",\"Destination\":\"s***@e***.com\"}}",
            "AdminListGroupsForUser", "{\"Groups\":[{\"GroupName\":\"admin\"}]}");
    /** Cognito's standard attributes (its user pool attributes reference), with their type and bounds. */
    private static final List<String> STANDARD_STRINGS = List.of("name", "given_name", "middle_name", "nickname",
            "preferred_username", "profile", "picture", "website", "email", "gender", "zoneinfo", "locale",
            "phone_number", "address");

    /** One request as Cognito would have received it. */
    public record Call(String operation, JsonObject body) {
    }

    /** How the stub answers one request. */
    public record Reply(int status, String contentType, String body, Duration delay, boolean resets, boolean silent) {

        public static Reply success(String json) {
            return new Reply(200, "application/x-amz-json-1.1", json, Duration.ZERO, false, false);
        }

        /** A Cognito error as the service sends it. */
        public static Reply error(int status, String type, String message) {
            return new Reply(status, "application/x-amz-json-1.1",
                    new JsonObject().put("__type", type).put("message", message).encode(), Duration.ZERO, false, false);
        }

        /** Something that is not Cognito talking: a proxy's or a firewall's page. */
        public static Reply page(int status, String html) {
            return new Reply(status, "text/html", html, Duration.ZERO, false, false);
        }

        /** HTTP 200 with a body that is not JSON. */
        public static Reply garbage() {
            return new Reply(200, "application/x-amz-json-1.1", "\u0000\u00ffnot json at all{{", Duration.ZERO, false,
                    false);
        }

        /** The connection is reset instead of answered. */
        public static Reply reset() {
            return new Reply(0, null, null, Duration.ZERO, true, false);
        }

        /** No answer at all. */
        public static Reply silence() {
            return new Reply(0, null, null, Duration.ZERO, false, true);
        }

        public Reply after(Duration delay) {
            return new Reply(status, contentType, body, delay, resets, silent);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final int port;
    private HttpServer server;
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Reply> standing = new ConcurrentHashMap<>();
    private final Map<String, Handler<HttpServerRequest>> routes = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> pools = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> clients = new ConcurrentHashMap<>();
    private final AtomicInteger refusedPoolReads = new AtomicInteger();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean recording = true;
    private volatile Duration addedDelay = Duration.ZERO;
    /** The answers held back while the stub holds them, each sent on release. */
    private volatile Queue<Runnable> held;
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger requestIds = new AtomicInteger();

    private CognitoStub() {
        port = listen(0).actualPort();
    }

    private HttpServer listen(int onPort) {
        // A linger of 0 makes closing a connection send a reset, as a failing network would.
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(onPort).setSoLinger(0))
                .requestHandler(this::handle);
        return server.listen().toCompletionStage().toCompletableFuture().join();
    }

    public static CognitoStub start() {
        return new CognitoStub();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops listening, so that connections are refused, until {@link #acceptConnections()}. */
    public void refuseConnections() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }

    public void acceptConnections() {
        listen(port);
    }

    /** Answers requests for {@code path} with {@code handler} instead of the wire protocol (which is {@code POST /}). */
    public void route(String path, Handler<HttpServerRequest> handler) {
        routes.put(path, handler);
    }

    /** Answers every call this much later than its reply says: a slow Cognito. */
    public void delayEveryAnswer(Duration delay) {
        addedDelay = delay;
    }

    /** Holds every answer back from now on, however it is scripted, until {@link #releaseAnswers()}. */
    public void holdAnswers() {
        held = new ConcurrentLinkedQueue<>();
    }

    /** Sends every answer held back, and answers at once again. */
    public void releaseAnswers() {
        Queue<Runnable> answers = held;
        held = null;
        if (answers != null) {
            vertx.runOnContext(ignored -> answers.forEach(Runnable::run));
        }
    }

    /** Keeps no calls from now on: over a long run the list would grow without bound. */
    public void stopRecording() {
        recording = false;
        calls.clear();
    }

    /** Answers every call of the operation so, until {@link #reset()}. */
    public void always(String operation, Reply reply) {
        standing.put(operation, reply);
    }

    /** Answers the next calls of the operation with these replies, one each, before the standing reply. */
    public void next(String operation, Reply... replies) {
        scripted.computeIfAbsent(operation, o -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    /**
     * The pool the stub describes ({@code DescribeUserPool}) for an id until {@link #reset()}; without one,
     * {@link #standardPool}.
     */
    public void describeUserPool(String userPoolId, JsonObject userPool) {
        pools.put(userPoolId, userPool);
    }

    /**
     * Refuses the next DescribeUserPool calls ({@code AccessDeniedException}, as a role without the grant gets), before
     * any script and whatever {@link #reset()} clears: set before the gateway starts, it stands for its first reads.
     */
    public void refusePoolReads(int calls) {
        refusedPoolReads.set(calls);
    }

    /** The app client the stub describes for an id until {@link #reset()}; without one, a client with no lists. */
    public void describeUserPoolClient(String clientId, JsonObject client) {
        clients.put(clientId, client);
    }

    /**
     * A pool as Cognito describes one made with the standard attributes ({@code family_name} required) and
     * {@code custom:department}, {@code custom:role}, {@code custom:level} (a number from 1 to 10),
     * {@code custom:internal} (developer-only), {@code custom:badge} (immutable); users sign in with their username
     * or email; email and phone_number are verified with a code, and only email keeps its previous value until then.
     */
    public static JsonObject standardPool(String userPoolId) {
        JsonArray schema = new JsonArray().add(attribute("sub", "String", false, true)
                .put("StringAttributeConstraints", strings(1, 2048)));
        for (String name : STANDARD_STRINGS) {
            schema.add(attribute(name, "String", true, false).put("StringAttributeConstraints", strings(0, 2048)));
        }
        schema.add(attribute("family_name", "String", true, true).put("StringAttributeConstraints", strings(0, 2048)))
                .add(attribute("birthdate", "String", true, false).put("StringAttributeConstraints", strings(10, 10)))
                .add(attribute("email_verified", "Boolean", true, false))
                .add(attribute("phone_number_verified", "Boolean", true, false))
                .add(attribute("updated_at", "Number", true, false)
                        .put("NumberAttributeConstraints", new JsonObject().put("MinValue", "0")))
                .add(attribute("custom:department", "String", true, false)
                        .put("StringAttributeConstraints", strings(0, 64)))
                .add(attribute("custom:role", "String", true, false).put("StringAttributeConstraints", strings(0, 32)))
                .add(attribute("custom:level", "Number", true, false).put("NumberAttributeConstraints",
                        new JsonObject().put("MinValue", "1").put("MaxValue", "10")))
                .add(attribute("custom:internal", "String", true, false).put("DeveloperOnlyAttribute", true))
                .add(attribute("custom:badge", "String", false, false));
        return new JsonObject().put("Id", userPoolId).put("SchemaAttributes", schema)
                .put("AutoVerifiedAttributes", new JsonArray().add("email").add("phone_number"))
                .put("UserAttributeUpdateSettings", new JsonObject()
                        .put("AttributesRequireVerificationBeforeUpdate", new JsonArray().add("email")))
                .put("AliasAttributes", new JsonArray().add("email"))
                .put("UsernameAttributes", new JsonArray());
    }

    private static JsonObject attribute(String name, String type, boolean mutable, boolean required) {
        return new JsonObject().put("Name", name).put("AttributeDataType", type).put("Mutable", mutable)
                .put("Required", required).put("DeveloperOnlyAttribute", false);
    }

    private static JsonObject strings(int min, int max) {
        return new JsonObject().put("MinLength", Integer.toString(min)).put("MaxLength", Integer.toString(max));
    }

    public List<Call> calls(String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation)).toList();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Requests received and neither answered nor given up by the client yet. */
    public int unanswered() {
        return unanswered.get();
    }

    public void reset() {
        scripted.clear();
        standing.clear();
        calls.clear();
        pools.clear();
        clients.clear();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private void handle(HttpServerRequest request) {
        Handler<HttpServerRequest> route = routes.get(request.path());
        if (route != null) {
            route.handle(request);
            return;
        }
        request.body().onSuccess(body -> answer(request, body.toJsonObject()));
    }

    private void answer(HttpServerRequest request, JsonObject body) {
        String target = String.valueOf(request.getHeader("X-Amz-Target"));
        String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        if (recording) {
            calls.add(new Call(operation, body));
        }
        Reply reply = nextReply(operation, body);
        unanswered.incrementAndGet();
        AtomicBoolean settled = new AtomicBoolean();
        Runnable settle = () -> {
            if (settled.compareAndSet(false, true)) {
                unanswered.decrementAndGet();
            }
        };
        request.connection().closeHandler(closed -> settle.run());
        if (reply.silent()) {
            return;
        }
        Queue<Runnable> holding = held;
        if (holding != null) {
            holding.add(() -> send(request, reply, settle));
            return;
        }
        Duration delay = reply.delay().plus(addedDelay);
        if (delay.isZero()) {
            send(request, reply, settle);
        } else {
            vertx.setTimer(Math.max(1, delay.toMillis()), timer -> send(request, reply, settle));
        }
    }

    private Reply nextReply(String operation, JsonObject body) {
        if (operation.equals("DescribeUserPool") && refusedPoolReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Reply.error(400, "AccessDeniedException", "Not allowed");
        }
        Deque<Reply> queue = scripted.get(operation);
        Reply reply = queue == null ? null : queue.pollFirst();
        if (reply != null) {
            return reply;
        }
        Reply standingReply = standing.get(operation);
        if (standingReply != null) {
            return standingReply;
        }
        return Reply.success(switch (operation) {
            case "DescribeUserPool" -> new JsonObject().put("UserPool", pools.getOrDefault(
                    body.getString("UserPoolId"), standardPool(body.getString("UserPoolId")))).encode();
            case "DescribeUserPoolClient" -> new JsonObject().put("UserPoolClient", clients.getOrDefault(
                    body.getString("ClientId"), new JsonObject().put("ClientId", body.getString("ClientId")))).encode();
            default -> DEFAULT_SUCCESS.getOrDefault(operation, "{}");
        });
    }

    private void send(HttpServerRequest request, Reply reply, Runnable settle) {
        if (request.response().closed() || request.response().ended()) {
            settle.run();
            return;
        }
        if (reply.resets()) {
            request.connection().close();
            return;
        }
        request.response().setStatusCode(reply.status())
                .putHeader("Content-Type", reply.contentType())
                .putHeader("x-amzn-RequestId", "stub-request-" + requestIds.incrementAndGet())
                .end(reply.body())
                .onComplete(done -> settle.run());
    }
}
