package dev.attrgateway.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway most tests share, one start for all of them: against the Cognito protocol stub (any answer or fault
 * on demand, every call counted; {@link InjectCognitoStub}), with tokens of the emulator's issuer, the budgets of
 * the test profile (which never bind), the in-process budget store pointed at a Redis it must never reach
 * ({@link RedisResource}), an admin scope, and spans exported at once.
 */
public class StubGateway implements QuarkusTestProfile {

    /** The OAuth scope that makes a machine token an administrator. */
    public static final String ADMIN_SCOPE = "attrgateway/admin";
    /** Another pool admins may name. */
    public static final String ALLOWED_POOL = "eu-west-1_Allowed01";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.admin-scopes", ADMIN_SCOPE,
                "gateway.allowed-user-pool-ids", ALLOWED_POOL,
                "quarkus.otel.bsp.schedule.delay", "10ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CognitoStubResource.class),
                new TestResourceEntry(RedisResource.class, Map.of("store", "local")));
    }
}
