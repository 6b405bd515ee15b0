package dev.attrgateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The operator's settings. {@code region} and {@code issuer} are derived from the pool id when unset
 * (see {@link DerivedGatewayDefaults}), so a real pool needs only {@code GATEWAY_USER_POOL_ID}.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The user pool the gateway serves, e.g. {@code eu-west-1_AbC123}; required (dev mode and tests supply one). */
    String userPoolId();

    /** AWS region; default: the pool id's prefix. */
    Optional<String> region();

    /** Cognito endpoint override (emulator, VPC endpoint); default: AWS's regional endpoint. */
    Optional<URI> cognitoEndpoint();

    /** The token issuer OIDC checks; default: {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}. */
    Optional<String> issuer();

    /** Groups ({@code cognito:groups}) that may call admin operations; default {@code admin}. */
    @WithDefault("admin")
    Set<String> adminGroups();

    /** OAuth scopes that may call admin operations; default none. */
    Optional<Set<String>> adminScopes();

    /** Other pools admins may name in {@code userPoolId}; default none. */
    Optional<Set<String>> allowedUserPoolIds();

    /** App clients whose access tokens are accepted ({@code client_id} claim); default any client of the pool. */
    Optional<Set<String>> clientIds();

    /**
     * Attributes users may not change themselves, only administrators (refused with {@code FORBIDDEN});
     * default {@code email_verified,phone_number_verified}: a user verifies with a code, not by saying so.
     */
    @WithDefault("email_verified,phone_number_verified")
    Set<String> selfServiceReadOnlyAttributes();

    /** How the gateway calls Cognito. */
    Upstream upstream();

    interface Upstream {

        /** Time a Cognito call may take, retries included, before {@code UPSTREAM_TIMEOUT}; default 5 s. */
        @WithDefault("5s")
        Duration timeout();

        /** Attempts of a call that is safe to repeat (see the README); default 3. */
        @WithDefault("3")
        int maxAttempts();

        /** Open connections to Cognito at most; default 500. */
        @WithDefault("500")
        int maxConnections();

        /** Calls that may wait for a free connection; default 10000. */
        @WithDefault("10000")
        int maxPendingConnectionAcquires();
    }
}
