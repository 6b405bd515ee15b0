package dev.attrgateway.support;

import java.util.HashMap;
import java.util.Map;

/**
 * Configures the packaged gateway as an operator would: the pool, the endpoint and issuer of a Cognito that is
 * not AWS, AWS keys for the default credential chain (the emulator accepts any), and the one browser origin
 * allowed to call it ({@link #FRONT_END}).
 */
public class PackagedGatewayResource extends LocalCognitoResource {

    public static final String FRONT_END = "https://app.example.com";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("aws.accessKeyId", "dummy");
        config.put("aws.secretAccessKey", "dummy");
        config.put("quarkus.http.cors.origins", FRONT_END);
        return config;
    }
}
