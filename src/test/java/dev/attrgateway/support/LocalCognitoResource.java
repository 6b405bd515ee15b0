package dev.attrgateway.support;

import java.util.Map;

import dev.attrgateway.local.LocalCognito;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the gateway under test at the local Cognito emulator. One emulator serves the whole test run
 * (also across Quarkus restarts for other profiles) and stops with the JVM; tests reach it through
 * {@link LocalCognito#shared()} and {@link DemoUsers}.
 */
public class LocalCognitoResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return LocalCognito.shared().gatewayConfig();
    }

    @Override
    public void stop() {
        // The emulator outlives this application instance; a shutdown hook stops it with the JVM.
    }
}
