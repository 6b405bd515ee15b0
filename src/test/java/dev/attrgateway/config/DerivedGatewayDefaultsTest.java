package dev.attrgateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ExecutionModeManager;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class DerivedGatewayDefaultsTest {

    private static final String MISSING_POOL = "gateway.user-pool-id is not set: set GATEWAY_USER_POOL_ID to the"
            + " Cognito user pool id (e.g. eu-west-1_AbC123def)";

    @Test
    void regionAndIssuerComeFromThePoolId() {
        SmallRyeConfig config = config(Map.of("gateway.user-pool-id", "eu-west-1_AbC123"));

        assertEquals("eu-west-1", config.getRawValue("gateway.region"));
        assertEquals("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
                config.getRawValue("gateway.issuer"));
    }

    @Test
    void oidcSeesTheDerivedIssuerThroughApplicationProperties() {
        SmallRyeConfig config = config(Map.of("gateway.user-pool-id", "eu-west-1_AbC123",
                "quarkus.oidc.auth-server-url", "${gateway.issuer}"));

        assertEquals("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
                config.getValue("quarkus.oidc.auth-server-url", String.class));
    }

    @Test
    void anExplicitRegionShapesTheDerivedIssuer() {
        SmallRyeConfig config = config(Map.of("gateway.user-pool-id", "eu-west-1_AbC123", "gateway.region", "us-east-2"));

        assertEquals("us-east-2", config.getRawValue("gateway.region"));
        assertEquals("https://cognito-idp.us-east-2.amazonaws.com/eu-west-1_AbC123",
                config.getRawValue("gateway.issuer"));
    }

    @Test
    void explicitValuesWin() {
        SmallRyeConfig config = config(Map.of("gateway.user-pool-id", "local_x1",
                "gateway.issuer", "http://127.0.0.1:9229/local_x1"));

        assertEquals("http://127.0.0.1:9229/local_x1", config.getRawValue("gateway.issuer"));
    }

    @Test
    void withoutAPoolIdStartingUpNamesTheVariableToSet() {
        ExecutionModeManager.runtimeInit();
        try {
            SmallRyeConfig withIssuer = config(Map.of("gateway.issuer", "https://issuer.example/p", "gateway.region", "eu-west-1"));
            assertEquals(MISSING_POOL, assertThrows(RuntimeException.class,
                    () -> withIssuer.getRawValue("gateway.user-pool-id")).toString());
            assertEquals(MISSING_POOL, assertThrows(RuntimeException.class,
                    () -> config(Map.of()).getRawValue("gateway.issuer")).toString());
            assertFalse(config(Map.of()).getOptionalValue("gateway.region", String.class).isPresent());
        } finally {
            ExecutionModeManager.unset();
        }
    }

    @Test
    void withoutAPoolIdTheBuildGoesOn() {
        SmallRyeConfig config = config(Map.of());

        assertNull(config.getRawValue("gateway.user-pool-id"));
        assertNull(config.getRawValue("gateway.issuer"));
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .addDefaultInterceptors()
                .withInterceptors(new DerivedGatewayDefaults())
                .build();
    }
}
