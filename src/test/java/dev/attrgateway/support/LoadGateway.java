package dev.attrgateway.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway under hundreds of concurrent requests: on 8 worker threads (so that a thread held per call would show),
 * with budgets in the machine's Redis, and deadlines a busy test machine cannot miss, so that what is counted is what
 * the gateway does, not how fast the machine is.
 */
public class LoadGateway implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.thread-pool.max-threads", "8",
                "gateway.upstream.timeout", "30s",
                "gateway.quota.redis-timeout", "10s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CognitoStubResource.class), new TestResourceEntry(RedisResource.class));
    }
}
