package dev.attrgateway.cognito;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.FaultMapper;
import dev.attrgateway.ops.GatewayMetrics;
import dev.attrgateway.quota.QuotaGuard;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListGroupsForUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserAttributesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The only class that calls Cognito. Each call is a lazy {@link Uni} over the async client that first takes
 * its permits from the {@link QuotaGuard}, is bounded by the configured timeout and repeated only where its
 * operation's {@link RetryPolicy} says it is safe, each attempt with permits of its own, a metric and a span.
 * Failures come out as the SDK raised them; the caller maps them. {@code caller} is who a call is charged to: the token's
 * {@code sub}, or null for the gateway's own calls.
 */
@ApplicationScoped
public class CognitoCalls {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(500);
    /** Cognito sends a verification code when one of these changes to a value (in a pool that verifies it). */
    private static final Set<String> VERIFIED_ATTRIBUTES = Set.of("email", "phone_number");
    /** The most groups Cognito lists in one page. */
    private static final int GROUPS_PER_PAGE = 60;

    private final CognitoIdentityProviderAsyncClient client;
    private final GatewayConfig.Upstream upstream;
    private final QuotaGuard quota;
    private final GatewayMetrics metrics;
    private final Tracer tracer;

    CognitoCalls(CognitoIdentityProviderAsyncClient client, GatewayConfig config, QuotaGuard quota,
            GatewayMetrics metrics, Tracer tracer) {
        this.client = client;
        this.upstream = config.upstream();
        this.quota = quota;
        this.metrics = metrics;
        this.tracer = tracer;
        for (CognitoOperation operation : CognitoOperation.values()) {
            // Served from start: a dashboard or an alert tells zero from absent.
            metrics.cognitoRetries(operation.apiName());
            metrics.cognitoInFlight(operation.apiName());
        }
    }

    public Uni<GetUserResponse> getUser(String accessToken, String caller) {
        return call(CognitoOperation.GET_USER, caller, null, () -> client.getUser(r -> r.accessToken(accessToken)));
    }

    public Uni<List<CodeDeliveryDetailsType>> updateUserAttributes(String accessToken, String caller,
            List<AttributeType> attributes, Map<String, String> clientMetadata) {
        boolean sendsCode = attributes.stream()
                .anyMatch(a -> VERIFIED_ATTRIBUTES.contains(a.name()) && !a.value().isEmpty());
        return call(CognitoOperation.UPDATE_USER_ATTRIBUTES, caller, sendsCode ? QuotaGuard.PerUser.CODE : null,
                () -> client.updateUserAttributes(r -> r.accessToken(accessToken)
                        .userAttributes(attributes).clientMetadata(clientMetadata)))
                .map(UpdateUserAttributesResponse::codeDeliveryDetailsList);
    }

    public Uni<Void> verifyUserAttribute(String accessToken, String caller, String attributeName, String code) {
        return call(CognitoOperation.VERIFY_USER_ATTRIBUTE, caller, QuotaGuard.PerUser.VERIFY_ATTEMPT,
                () -> client.verifyUserAttribute(r -> r.accessToken(accessToken).attributeName(attributeName).code(code)))
                .replaceWithVoid();
    }

    public Uni<CodeDeliveryDetailsType> getUserAttributeVerificationCode(String accessToken, String caller,
            String attributeName, Map<String, String> clientMetadata) {
        return call(CognitoOperation.GET_USER_ATTRIBUTE_VERIFICATION_CODE, caller, QuotaGuard.PerUser.CODE,
                () -> client.getUserAttributeVerificationCode(r -> r.accessToken(accessToken)
                        .attributeName(attributeName).clientMetadata(clientMetadata)))
                .map(response -> response.codeDeliveryDetails());
    }

    public Uni<AdminGetUserResponse> adminGetUser(String caller, String userPoolId, String username) {
        return call(CognitoOperation.ADMIN_GET_USER, caller, null,
                () -> client.adminGetUser(r -> r.userPoolId(userPoolId).username(username)));
    }

    /** Returns Cognito's request id, for the audit line. */
    public Uni<String> adminUpdateUserAttributes(String caller, String userPoolId, String username,
            List<AttributeType> attributes, Map<String, String> clientMetadata) {
        return call(CognitoOperation.ADMIN_UPDATE_USER_ATTRIBUTES, caller, null,
                () -> client.adminUpdateUserAttributes(r -> r.userPoolId(userPoolId)
                        .username(username).userAttributes(attributes).clientMetadata(clientMetadata)))
                .map(response -> response.responseMetadata().requestId());
    }

    /** The names of all the groups the user is in now, page by page. */
    public Uni<List<String>> adminListGroupsForUser(String caller, String userPoolId, String username) {
        return groupPages(caller, userPoolId, username, null, new ArrayList<>());
    }

    /** The app client's settings, for the gateway's own start-up checks. */
    public Uni<UserPoolClientType> describeUserPoolClient(String userPoolId, String clientId) {
        return call(CognitoOperation.DESCRIBE_USER_POOL_CLIENT, null, null,
                () -> client.describeUserPoolClient(r -> r.userPoolId(userPoolId).clientId(clientId)))
                .map(response -> response.userPoolClient());
    }

    private Uni<List<String>> groupPages(String caller, String userPoolId, String username, String nextToken,
            List<String> groups) {
        return call(CognitoOperation.ADMIN_LIST_GROUPS_FOR_USER, caller, null,
                () -> client.adminListGroupsForUser(r -> r.userPoolId(userPoolId).username(username)
                        .limit(GROUPS_PER_PAGE).nextToken(nextToken)))
                .chain((AdminListGroupsForUserResponse page) -> {
                    page.groups().stream().map(GroupType::groupName).forEach(groups::add);
                    return page.nextToken() == null ? Uni.createFrom().item(groups)
                            : groupPages(caller, userPoolId, username, page.nextToken(), groups);
                });
    }

    /**
     * Takes the permits and sends the request on subscription, both again on a safe retry, and gives up at
     * the deadline. The answer comes back on the caller's Vert.x context, not on the SDK's threads.
     */
    private <T> Uni<T> call(CognitoOperation operation, String caller, QuotaGuard.PerUser perUser,
            Supplier<CompletableFuture<T>> request) {
        return CallerContext.resumeOnCallerContext(Uni.createFrom().deferred(() -> {
            // The span of the request that makes the call; a permit may be granted on another thread.
            Context parent = Context.current();
            AtomicInteger attempts = new AtomicInteger();
            return quota.permit(operation.quotaCategory(), caller, perUser)
                    .chain(() -> attempt(operation, request, parent, attempts.getAndIncrement()))
                    .onFailure(operation.retryPolicy()::allowsRetry).retry()
                    .withBackOff(FIRST_BACKOFF, MAX_BACKOFF).withJitter(0.5)
                    .atMost(upstream.maxAttempts() - 1L)
                    .ifNoItem().after(upstream.timeout()).fail();
        }));
    }

    /** One request to Cognito, measured and traced: its latency, outcome and request id, never its content. */
    private <T> Uni<T> attempt(CognitoOperation operation, Supplier<CompletableFuture<T>> request, Context parent,
            int attempt) {
        String api = operation.apiName();
        if (attempt > 0) {
            metrics.cognitoRetry(api);
        }
        Span span = tracer.spanBuilder("CognitoIdentityProvider/" + api).setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setAttribute("rpc.system", "aws-api")
                .setAttribute("rpc.service", "CognitoIdentityProvider")
                .setAttribute("rpc.method", api)
                .startSpan();
        AtomicInteger inFlight = metrics.cognitoInFlight(api);
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        return Uni.createFrom().completionStage(request)
                .onItemOrFailure().invoke((answer, failure) -> {
                    String outcome = failure == null ? GatewayMetrics.OK : FaultMapper.codeOf(failure);
                    String requestId = failure instanceof AwsServiceException service ? service.requestId()
                            : answer instanceof AwsResponse response ? response.responseMetadata().requestId() : null;
                    finish(span, inFlight, api, started, outcome, requestId);
                })
                .onCancellation().invoke(() -> finish(span, inFlight, api, started, ErrorCode.UPSTREAM_TIMEOUT.name(), null));
    }

    private void finish(Span span, AtomicInteger inFlight, String api, long started, String outcome, String requestId) {
        inFlight.decrementAndGet();
        metrics.cognitoCall(api, outcome, System.nanoTime() - started);
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
