package dev.attrgateway.support;

import java.util.List;
import java.util.Map;

import dev.attrgateway.local.LocalCognito;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway against the real emulator (cognito-local), one start for every test of what Cognito itself does:
 * tokens of the demo app client and of a permissive one (which lets users write what the gateway keeps read-only,
 * and is warned about at start), admin rights confirmed with Cognito every second.
 */
public class EmulatorGateway implements QuarkusTestProfile {

    /** An attribute users may not change, by configuration. */
    public static final String READ_ONLY_BY_CONFIGURATION = "profile";
    /** The app client that lets users write what the gateway keeps read-only. */
    public static final String PERMISSIVE_CLIENT = "permissive";

    @Override
    public Map<String, String> getConfigOverrides() {
        String permissiveClient = LocalCognito.shared().createClient(PERMISSIVE_CLIENT, "email_verified",
                READ_ONLY_BY_CONFIGURATION, "nickname");
        return Map.of(
                "gateway.client-ids", LocalCognito.shared().clientId() + "," + permissiveClient,
                "gateway.self-service-read-only-attributes", READ_ONLY_BY_CONFIGURATION,
                "gateway.admin-scopes", StubGateway.ADMIN_SCOPE,
                "gateway.allowed-user-pool-ids", StubGateway.ALLOWED_POOL,
                "gateway.admin-recheck-interval", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalCognitoResource.class));
    }
}
