package dev.attrgateway.cognito;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.attrgateway.config.GatewayConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;

/** Builds the one async Cognito client of the application from {@link GatewayConfig}. */
@ApplicationScoped
public class CognitoClientProducer {

    /** The SDK's own deadline only backs up the gateway's, which answers first. */
    private static final Duration SDK_DEADLINE_MARGIN = Duration.ofSeconds(1);

    /** The SDK's default chain; the client does not close a provider it was given, so the producer does. */
    private final DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();

    @Produces
    @Singleton
    CognitoIdentityProviderAsyncClient cognitoClient(GatewayConfig config) {
        GatewayConfig.Upstream upstream = config.upstream();
        Duration timeout = upstream.timeout();
        var builder = CognitoIdentityProviderAsyncClient.builder()
                .region(Region.of(config.region().orElseThrow(() -> new ConfigurationException(
                        "gateway.region is not set and the pool id names none: set GATEWAY_REGION"))))
                .credentialsProvider(credentials)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(upstream.maxConnections())
                        .maxPendingConnectionAcquires(upstream.maxPendingConnectionAcquires())
                        .connectionAcquisitionTimeout(timeout)
                        .connectionTimeout(timeout)
                        .readTimeout(timeout)
                        .writeTimeout(timeout))
                // The answer is handed over to the caller's Vert.x context at once (CallerContext): completing the
                // future on the SDK's I/O thread spares a hop through the SDK's own completion thread pool.
                .asyncConfiguration(async -> async.advancedOption(
                        SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run))
                // Retries are the gateway's own decision (CognitoCalls): only what is safe to repeat.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(timeout.plus(SDK_DEADLINE_MARGIN)));
        config.cognitoEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes CognitoIdentityProviderAsyncClient client) {
        client.close();
        credentials.close();
    }
}
