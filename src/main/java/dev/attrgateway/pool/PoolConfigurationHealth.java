package dev.attrgateway.pool;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the first reading of the pools' configuration has ended, whether it succeeded or not: a healthy start
 * then validates its first requests against the pool, and an unreadable Cognito delays readiness by no more than one
 * call's timeout ({@code gateway.upstream.timeout}). The details say which pools are read and which let a changed
 * email or phone number take effect before it is verified; neither makes the replica unready.
 */
@Readiness
@ApplicationScoped
public class PoolConfigurationHealth implements HealthCheck {

    static final String NAME = "user-pool-configuration";

    private final PoolConfigurations pools;

    PoolConfigurationHealth(PoolConfigurations pools) {
        this.pools = pools;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(pools.firstReadEnded());
        pools.state().forEach((key, value) -> response.withData(key, value));
        return response.build();
    }
}
