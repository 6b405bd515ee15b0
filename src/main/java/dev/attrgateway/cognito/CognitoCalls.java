package dev.attrgateway.cognito;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.ops.GatewayMetrics;
import dev.attrgateway.quota.QuotaGuard;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListGroupsForUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserAttributesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * The only class that calls Cognito. Each call is a lazy {@link Uni} over the async client that does what its
 * {@link CognitoOperation} row says: takes its permits from the {@link QuotaGuard}, is bounded by the configured
 * timeout, is repeated only where its {@link RetryPolicy} says it is safe (each attempt with permits of its own),
 * and leaves a metric and a span per attempt. It answers on the caller's Vert.x context, and fails only with the
 * contract's errors ({@link CognitoFaults}). Which change sends a code is the caller's to say ({@link Charge}).
 */
@ApplicationScoped
public class CognitoCalls {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(500);
    /** The most groups Cognito lists in one page. */
    private static final int GROUPS_PER_PAGE = 60;

    private final CognitoIdentityProviderAsyncClient client;
    private final GatewayConfig.Upstream upstream;
    private final QuotaGuard quota;
    private final Tracer tracer;
    private final Map<CognitoOperation, GatewayMetrics.CognitoApi> meters = new EnumMap<>(CognitoOperation.class);

    CognitoCalls(CognitoIdentityProviderAsyncClient client, GatewayConfig config, QuotaGuard quota,
            GatewayMetrics metrics, Tracer tracer) {
        this.client = client;
        this.upstream = config.upstream();
        this.quota = quota;
        this.tracer = tracer;
        for (CognitoOperation operation : CognitoOperation.values()) {
            meters.put(operation, metrics.cognitoApi(operation.apiName()));
        }
    }

    public Uni<GetUserResponse> getUser(Charge charge, String accessToken) {
        return call(CognitoOperation.GET_USER, charge, () -> client.getUser(r -> r.accessToken(accessToken)));
    }

    public Uni<List<CodeDeliveryDetailsType>> updateUserAttributes(Charge charge, String accessToken,
            List<AttributeType> attributes, Map<String, String> clientMetadata) {
        return call(CognitoOperation.UPDATE_USER_ATTRIBUTES, charge,
                () -> client.updateUserAttributes(r -> r.accessToken(accessToken)
                        .userAttributes(attributes).clientMetadata(clientMetadata)))
                .map(UpdateUserAttributesResponse::codeDeliveryDetailsList);
    }

    public Uni<Void> deleteUserAttributes(Charge charge, String accessToken, List<String> attributeNames) {
        return call(CognitoOperation.DELETE_USER_ATTRIBUTES, charge,
                () -> client.deleteUserAttributes(r -> r.accessToken(accessToken).userAttributeNames(attributeNames)))
                .replaceWithVoid();
    }

    public Uni<Void> verifyUserAttribute(Charge charge, String accessToken, String attributeName, String code) {
        return call(CognitoOperation.VERIFY_USER_ATTRIBUTE, charge,
                () -> client.verifyUserAttribute(r -> r.accessToken(accessToken).attributeName(attributeName).code(code)))
                .replaceWithVoid();
    }

    public Uni<CodeDeliveryDetailsType> getUserAttributeVerificationCode(Charge charge, String accessToken,
            String attributeName, Map<String, String> clientMetadata) {
        return call(CognitoOperation.GET_USER_ATTRIBUTE_VERIFICATION_CODE, charge,
                () -> client.getUserAttributeVerificationCode(r -> r.accessToken(accessToken)
                        .attributeName(attributeName).clientMetadata(clientMetadata)))
                .map(response -> response.codeDeliveryDetails());
    }

    public Uni<AdminGetUserResponse> adminGetUser(Charge charge, String userPoolId, String username) {
        return call(CognitoOperation.ADMIN_GET_USER, charge,
                () -> client.adminGetUser(r -> r.userPoolId(userPoolId).username(username)));
    }

    /** Returns Cognito's request id, for the audit line. */
    public Uni<String> adminUpdateUserAttributes(Charge charge, String userPoolId, String username,
            List<AttributeType> attributes, Map<String, String> clientMetadata) {
        return call(CognitoOperation.ADMIN_UPDATE_USER_ATTRIBUTES, charge,
                () -> client.adminUpdateUserAttributes(r -> r.userPoolId(userPoolId)
                        .username(username).userAttributes(attributes).clientMetadata(clientMetadata)))
                .map(response -> response.responseMetadata().requestId());
    }

    /** The names of all the groups the user is in now, page by page. */
    public Uni<List<String>> adminListGroupsForUser(Charge charge, String userPoolId, String username) {
        return groupPages(charge, userPoolId, username, null, new ArrayList<>());
    }

    /** The user pool's configuration: its schema, verification and sign-in settings. */
    public Uni<UserPoolType> describeUserPool(String userPoolId) {
        return call(CognitoOperation.DESCRIBE_USER_POOL, Charge.gateway(),
                () -> client.describeUserPool(r -> r.userPoolId(userPoolId)))
                .map(response -> response.userPool());
    }

    /** The app client's settings: which attributes its users may write. */
    public Uni<UserPoolClientType> describeUserPoolClient(String userPoolId, String clientId) {
        return call(CognitoOperation.DESCRIBE_USER_POOL_CLIENT, Charge.gateway(),
                () -> client.describeUserPoolClient(r -> r.userPoolId(userPoolId).clientId(clientId)))
                .map(response -> response.userPoolClient());
    }

    private Uni<List<String>> groupPages(Charge charge, String userPoolId, String username, String nextToken,
            List<String> groups) {
        return call(CognitoOperation.ADMIN_LIST_GROUPS_FOR_USER, charge,
                () -> client.adminListGroupsForUser(r -> r.userPoolId(userPoolId).username(username)
                        .limit(GROUPS_PER_PAGE).nextToken(nextToken)))
                .chain((AdminListGroupsForUserResponse page) -> {
                    page.groups().stream().map(GroupType::groupName).forEach(groups::add);
                    return page.nextToken() == null ? Uni.createFrom().item(groups)
                            : groupPages(charge, userPoolId, username, page.nextToken(), groups);
                });
    }

    /**
     * Takes the permits and sends the request on subscription, both again on a safe retry, and gives up at
     * the deadline. The answer comes back on the caller's Vert.x context, not on the SDK's threads.
     */
    private <T> Uni<T> call(CognitoOperation operation, Charge charge, Supplier<CompletableFuture<T>> request) {
        QuotaGuard.PerUser perUser = switch (operation.userCost()) {
            case NONE -> null;
            case CODE -> QuotaGuard.PerUser.CODE;
            case CODE_IF_SENT -> charge.sendsCode() ? QuotaGuard.PerUser.CODE : null;
            case VERIFY_ATTEMPT -> QuotaGuard.PerUser.VERIFY_ATTEMPT;
        };
        return CallerContext.resumeOnCallerContext(Uni.createFrom().deferred(() -> {
            // The span of the request that makes the call; a permit may be granted on another thread.
            Context parent = Context.current();
            AtomicInteger attempts = new AtomicInteger();
            return quota.permit(operation.quotaCategory(), charge.caller(), perUser)
                    .chain(() -> attempt(operation, request, parent, attempts.getAndIncrement()))
                    .onFailure(failure -> failure instanceof GatewayException fault
                            && operation.retryPolicy().allowsRetry(fault)).retry()
                    .withBackOff(FIRST_BACKOFF, MAX_BACKOFF).withJitter(0.5)
                    .atMost(upstream.maxAttempts() - 1L)
                    .ifNoItem().after(upstream.timeout()).fail()
                    .onFailure().transform(failure -> classify(operation, failure, attempts.get() > 0));
        }));
    }

    /** What the call's failure is to the client; a write's says whether it may have been carried out all the same. */
    private static GatewayException classify(CognitoOperation operation, Throwable failure, boolean sent) {
        GatewayException fault = CognitoFaults.classify(failure, sent);
        return operation.retryPolicy() == RetryPolicy.WRITE ? fault.asWrite() : fault;
    }

    /** One request to Cognito, measured and traced: its latency, outcome and request id, never its content. */
    private <T> Uni<T> attempt(CognitoOperation operation, Supplier<CompletableFuture<T>> request, Context parent,
            int attempt) {
        GatewayMetrics.CognitoApi api = meters.get(operation);
        if (attempt > 0) {
            api.retried();
        }
        Span span = tracer.spanBuilder("CognitoIdentityProvider/" + operation.apiName()).setParent(parent)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("rpc.system", "aws-api")
                .setAttribute("rpc.service", "CognitoIdentityProvider")
                .setAttribute("rpc.method", operation.apiName())
                .startSpan();
        long started = System.nanoTime();
        api.inFlight().incrementAndGet();
        return Uni.createFrom().completionStage(request)
                .onFailure().transform(failure -> CognitoFaults.classify(failure, true))
                .onItemOrFailure().invoke((answer, failure) -> finish(span, api, started,
                        failure == null ? GatewayMetrics.OK : ((GatewayException) failure).code(),
                        failure == null ? ((AwsResponse) answer).responseMetadata().requestId()
                                : ((GatewayException) failure).requestId().orElse(null)))
                .onCancellation().invoke(() -> finish(span, api, started, ErrorCode.UPSTREAM_TIMEOUT.name(), null));
    }

    private static void finish(Span span, GatewayMetrics.CognitoApi api, long started, String outcome,
            String requestId) {
        api.inFlight().decrementAndGet();
        api.attempted(outcome, System.nanoTime() - started);
        if (requestId != null) {
            span.setAttribute("aws.request_id", requestId);
        }
        span.setAttribute("gateway.outcome", outcome);
        if (!outcome.equals(GatewayMetrics.OK)) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
