package dev.attrgateway.support;

import java.util.HashMap;
import java.util.Map;

/**
 * Configures the packaged gateway as an operator would: the pool, the endpoint and issuer of a Cognito that is
 * not AWS, and AWS keys for the default credential chain (the emulator accepts any).
 */
public class PackagedGatewayResource extends LocalCognitoResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("aws.accessKeyId", "dummy");
        config.put("aws.secretAccessKey", "dummy");
        return config;
    }
}
