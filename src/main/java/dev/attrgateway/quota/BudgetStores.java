package dev.attrgateway.quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.ops.GatewayMetrics;
import io.vertx.mutiny.redis.client.RedisAPI;

/** The budget store {@code gateway.quota.store} names; with {@code local}, nothing ever talks to Redis. */
@ApplicationScoped
class BudgetStores {

    @Produces
    @ApplicationScoped
    BudgetStore budgetStore(GatewayConfig config, Instance<RedisAPI> redis, GatewayMetrics metrics) {
        GatewayConfig.Quota quota = config.quota();
        LocalBudgetStore local = new LocalBudgetStore();
        if (quota.store() == GatewayConfig.Quota.Store.LOCAL) {
            return local;
        }
        return new SharedBudgetStore(new RedisBudgetStore(redis.get(), quota.redisKeyPrefix()), local,
                quota.redisTimeout(), quota.replicas(), metrics);
    }
}
