package dev.attrgateway.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.attrgateway.local.LocalCognito;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The {@link StubGateway} whose pools' configuration the stub can change while it runs: it is read again every few
 * hundred milliseconds (the shared profile reads it once, so that its tests' call counts hold no background reads),
 * the demo app client is the one accepted (its WriteAttributes are read), and Cognito refuses the first reads, so the
 * gateway starts without a configuration.
 */
public class PoolRefreshGateway implements QuarkusTestProfile {

    public static final String REFRESH_INTERVAL = "300ms";
    /** Two rounds of reads of both pools fail at start. */
    public static final int FAILED_POOL_READS = 4;
    /** The profile's own log, emptied before it starts: what the start logged once is counted there. */
    public static final TestLog LOG = TestLog.at("target/pool-refresh-test.log");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new StubGateway().getConfigOverrides());
        config.putAll(LOG.emptiedFileSettings());
        config.put("gateway.pool.refresh-interval", REFRESH_INTERVAL);
        config.put("gateway.client-ids", LocalCognito.shared().clientId());
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CognitoStubResource.class,
                        Map.of(CognitoStubResource.FAILED_POOL_READS, Integer.toString(FAILED_POOL_READS))),
                new TestResourceEntry(RedisResource.class, Map.of("store", "local")));
    }
}
