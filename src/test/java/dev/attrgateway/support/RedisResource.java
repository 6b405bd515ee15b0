package dev.attrgateway.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the gateway under test the machine's Redis, through a {@link TcpProxy} that can play an outage, and keys
 * of its own. The budget store is Redis's, unless the resource's {@code store} argument says {@code local}: then
 * the gateway is pointed at the proxy all the same, to show that it never connects.
 */
public class RedisResource implements QuarkusTestResourceLifecycleManager {

    private String store = "redis";
    private LocalRedis redis;
    private TcpProxy proxy;

    @Override
    public void init(Map<String, String> initArgs) {
        store = initArgs.getOrDefault("store", store);
    }

    @Override
    public Map<String, String> start() {
        redis = LocalRedis.connect();
        proxy = TcpProxy.to(LocalRedis.HOST, LocalRedis.PORT);
        return Map.of(
                "gateway.quota.store", store,
                "gateway.quota.redis-key-prefix", redis.keyPrefix(),
                "quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.port());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(redis, new TestInjector.AnnotatedAndMatchesType(InjectRedis.class, LocalRedis.class));
        testInjector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(InjectRedis.class, TcpProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (redis != null) {
            redis.close();
        }
    }
}
