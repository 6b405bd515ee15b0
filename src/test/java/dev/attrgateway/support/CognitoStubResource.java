package dev.attrgateway.support;

import java.util.HashMap;
import java.util.Map;

import dev.attrgateway.local.LocalCognito;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Sends the gateway's Cognito calls to a {@link CognitoStub}, while tokens are still the emulator's and
 * checked against its keys. The upstream timeout is short so that timeouts are quick to test. Every test
 * gets the stub in its {@link InjectCognitoStub} field as new: nothing scripted, no call recorded.
 */
public class CognitoStubResource implements QuarkusTestResourceLifecycleManager {

    public static final String TIMEOUT = "1s";
    /** An argument: how many DescribeUserPool calls are refused at first, while the gateway starts. */
    public static final String FAILED_POOL_READS = "failedPoolReads";
    private CognitoStub stub;
    private int failedPoolReads;

    @Override
    public void init(Map<String, String> initArgs) {
        failedPoolReads = Integer.parseInt(initArgs.getOrDefault(FAILED_POOL_READS, "0"));
    }

    @Override
    public Map<String, String> start() {
        stub = CognitoStub.start();
        stub.refusePoolReads(failedPoolReads);
        Map<String, String> config = new HashMap<>(LocalCognito.shared().gatewayConfig());
        config.put("gateway.cognito-endpoint", stub.endpoint());
        config.put("gateway.upstream.timeout", TIMEOUT);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        stub.reset();
        testInjector.injectIntoFields(stub,
                new TestInjector.AnnotatedAndMatchesType(InjectCognitoStub.class, CognitoStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
            stub = null;
        }
    }
}
