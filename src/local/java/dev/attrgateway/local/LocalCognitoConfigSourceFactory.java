package dev.attrgateway.local;

import java.util.List;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/**
 * In dev mode without a configured pool, starts the local emulator and points the gateway at it.
 * Its low ordinal lets every explicit setting win.
 */
public class LocalCognitoConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean devMode = context.getProfiles().contains("dev");
        boolean poolConfigured = context.getValue("gateway.user-pool-id").getValue() != null;
        if (!devMode || poolConfigured) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(LocalCognito.shared().gatewayConfig(), "local cognito-local", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
