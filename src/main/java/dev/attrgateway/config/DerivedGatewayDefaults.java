package dev.attrgateway.config;

import java.util.Optional;

import jakarta.annotation.Priority;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.ExecutionModeManager;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Supplies {@code gateway.region} and {@code gateway.issuer} from {@code gateway.user-pool-id} when they
 * are not set, so that OIDC ({@code application.properties}) and the Cognito client see one value; and
 * stops start-up with one clear line when the pool id itself is missing.
 */
// Below SmallRye's expression interceptor (LIBRARY + 300): an expression only looks further down the chain, and
// ${gateway.issuer} in application.properties must see the derived value.
@Priority(Priorities.LIBRARY + 200)
public class DerivedGatewayDefaults implements ConfigSourceInterceptor {

    static final String USER_POOL_ID = "gateway.user-pool-id";
    static final String REGION = "gateway.region";
    static final String ISSUER = "gateway.issuer";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null && value.getValue() != null) {
            return value;
        }
        return switch (name) {
            case USER_POOL_ID -> missingAtRunTime();
            case REGION -> derived(name, userPoolId(context).flatMap(UserPoolIds::region));
            case ISSUER -> userPoolId(context).isEmpty() ? missingAtRunTime() : derived(name, userPoolId(context)
                    .flatMap(pool -> region(context).map(region -> UserPoolIds.issuer(region, pool))));
            default -> value;
        };
    }

    /** The build reads configuration too, with no pool at hand; only starting the application needs one. */
    private static ConfigValue missingAtRunTime() {
        if (ExecutionModeManager.getExecutionMode() == ExecutionMode.UNSET) {
            return null;
        }
        throw new MissingUserPoolId(LaunchMode.current() == LaunchMode.DEVELOPMENT);
    }

    private static Optional<String> userPoolId(ConfigSourceInterceptorContext context) {
        return valueOf(context.proceed(USER_POOL_ID));
    }

    private Optional<String> region(ConfigSourceInterceptorContext context) {
        return valueOf(getValue(context, REGION));
    }

    private static Optional<String> valueOf(ConfigValue value) {
        return Optional.ofNullable(value).map(ConfigValue::getValue).filter(v -> !v.isBlank());
    }

    private static ConfigValue derived(String name, Optional<String> value) {
        return value.map(v -> ConfigValue.builder().withName(name).withValue(v)
                .withConfigSourceName("derived from " + USER_POOL_ID).build()).orElse(null);
    }

    /** Start-up stops with this one line when no pool is configured (Quarkus prints only the message). */
    static final class MissingUserPoolId extends ConfigurationException {
        MissingUserPoolId(boolean devMode) {
            super("gateway.user-pool-id is not set: set GATEWAY_USER_POOL_ID to the Cognito user pool id"
                    + " (e.g. eu-west-1_AbC123def)" + (devMode ? ", or run ./mvnw quarkus:dev -Plocal for the local"
                    + " emulator" : ""));
        }

        /** SmallRye Config lists a failed lookup by its {@code toString}: keep it to the message. */
        @Override
        public String toString() {
            return getMessage();
        }
    }
}
