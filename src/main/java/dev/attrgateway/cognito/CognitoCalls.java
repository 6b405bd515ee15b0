package dev.attrgateway.cognito;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attrgateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserAttributesResponse;

/**
 * The only class that calls Cognito. Each call is a lazy {@link Uni} over the async client, bounded by
 * the configured timeout and repeated only where {@link RetryPolicy} says it is safe. Failures come out
 * as the SDK raised them; the caller maps them.
 */
@ApplicationScoped
public class CognitoCalls {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(500);

    private final CognitoIdentityProviderAsyncClient client;
    private final GatewayConfig.Upstream upstream;

    CognitoCalls(CognitoIdentityProviderAsyncClient client, GatewayConfig config) {
        this.client = client;
        this.upstream = config.upstream();
    }

    public Uni<GetUserResponse> getUser(String accessToken) {
        return call(RetryPolicy.READ, () -> client.getUser(r -> r.accessToken(accessToken)));
    }

    public Uni<List<CodeDeliveryDetailsType>> updateUserAttributes(String accessToken, List<AttributeType> attributes,
            Map<String, String> clientMetadata) {
        return call(RetryPolicy.WRITE, () -> client.updateUserAttributes(r -> r.accessToken(accessToken)
                .userAttributes(attributes).clientMetadata(clientMetadata)))
                .map(UpdateUserAttributesResponse::codeDeliveryDetailsList);
    }

    public Uni<Void> verifyUserAttribute(String accessToken, String attributeName, String code) {
        return call(RetryPolicy.WRITE, () -> client.verifyUserAttribute(r -> r.accessToken(accessToken)
                .attributeName(attributeName).code(code)))
                .replaceWithVoid();
    }

    public Uni<CodeDeliveryDetailsType> getUserAttributeVerificationCode(String accessToken, String attributeName,
            Map<String, String> clientMetadata) {
        return call(RetryPolicy.WRITE, () -> client.getUserAttributeVerificationCode(r -> r.accessToken(accessToken)
                .attributeName(attributeName).clientMetadata(clientMetadata)))
                .map(response -> response.codeDeliveryDetails());
    }

    public Uni<AdminGetUserResponse> adminGetUser(String userPoolId, String username) {
        return call(RetryPolicy.READ, () -> client.adminGetUser(r -> r.userPoolId(userPoolId).username(username)));
    }

    /** Returns Cognito's request id, for the audit line. */
    public Uni<String> adminUpdateUserAttributes(String userPoolId, String username, List<AttributeType> attributes,
            Map<String, String> clientMetadata) {
        return call(RetryPolicy.WRITE, () -> client.adminUpdateUserAttributes(r -> r.userPoolId(userPoolId)
                .username(username).userAttributes(attributes).clientMetadata(clientMetadata)))
                .map(response -> response.responseMetadata().requestId());
    }

    /**
     * Sends the request on subscription, again on a safe retry, and gives up at the deadline. The answer
     * comes back on the caller's Vert.x context, not on the SDK's threads, so that the rest of the request
     * runs where Quarkus expects it (request context, class loader of the running application).
     */
    private <T> Uni<T> call(RetryPolicy policy, Supplier<CompletableFuture<T>> request) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<T> answer = Uni.createFrom().completionStage(request)
                    .onFailure(policy::allowsRetry).retry()
                    .withBackOff(FIRST_BACKOFF, MAX_BACKOFF).withJitter(0.5)
                    .atMost(upstream.maxAttempts() - 1L)
                    .ifNoItem().after(upstream.timeout()).fail();
            return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }
}
