package dev.attrgateway.config;

import java.net.URI;
import java.nio.file.Path;
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
     * Attributes users may not change themselves, only administrators (refused with {@code FORBIDDEN}), in
     * addition to {@code email_verified} and {@code phone_number_verified}, which are always read-only for
     * users (they verify with a code, not by saying so); default none.
     */
    Optional<Set<String>> selfServiceReadOnlyAttributes();

    /**
     * How long an admin's live token and current groups, confirmed with Cognito, are trusted before they are
     * confirmed again; default 60 s.
     */
    @WithDefault("60s")
    Duration adminRecheckInterval();

    /** How the gateway calls Cognito. */
    Upstream upstream();

    /** The user pools' own configuration, which the gateway reads from Cognito. */
    Pool pool();

    /** The budgets of Cognito calls: per caller, per Cognito quota category, verification codes per user. */
    Quota quota();

    /** Bounds on the GraphQL documents the gateway accepts. */
    Limits limits();

    /** Which documents may run: any, or only those of the trusted list. */
    Documents documents();

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

    interface Quota {

        /** Whether every Cognito call first takes permits from the budgets below; default true. */
        @WithDefault("true")
        boolean enabled();

        /** Cognito calls per second one caller (the token's {@code sub}, or its client) may cause; default 10. */
        @WithDefault("10")
        int perCallerRps();

        /** Calls per second of Cognito's UserUpdate category, for the whole gateway; default 25 (Cognito's). */
        @WithDefault("25")
        int userUpdateRps();

        /** Calls per second of Cognito's UserRead category, for the whole gateway; default 120 (Cognito's). */
        @WithDefault("120")
        int userReadRps();

        /** Calls per second of Cognito's UserResourceRead category, for the whole gateway; default 50 (Cognito's). */
        @WithDefault("50")
        int userResourceReadRps();

        /** Calls per second of Cognito's UserPoolRead category, for the whole gateway; default 5. */
        @WithDefault("5")
        int userPoolReadRps();

        /** Calls per second of Cognito's UserPoolClientRead category, per pool; default 5 (Cognito's per pool). */
        @WithDefault("5")
        int userPoolClientReadRps();

        /** Verification codes (email, SMS) one user may trigger per hour; default 10. */
        @WithDefault("10")
        int codesPerUserPerHour();

        /** Verification codes one user may submit per hour ({@code verifyMyAttribute}); default 20. */
        @WithDefault("20")
        int verifyAttemptsPerUserPerHour();

        /** Longest a call waits for its permits before it is refused with {@code RATE_LIMITED}; default 250 ms. */
        @WithDefault("250ms")
        Duration maxWait();

        /**
         * Where the budgets live: {@code local}, in this process (one replica), or {@code redis}, shared by all
         * replicas through {@code quarkus.redis.hosts}; default local.
         */
        @WithDefault("local")
        Store store();

        /** Longest a Redis call may take before this replica falls back to its own budgets; default 50 ms. */
        @WithDefault("50ms")
        Duration redisTimeout();

        /** Replicas sharing the pool-wide budgets: while Redis is out of reach each takes this share; default 1. */
        @WithDefault("1")
        int replicas();

        /** The prefix of the budgets' keys in Redis; the hash tag keeps them in one cluster slot. */
        @WithDefault("attrgateway:{quota}:")
        String redisKeyPrefix();

        enum Store {
            LOCAL,
            REDIS
        }
    }

    interface Pool {

        /**
         * How often each served pool's configuration (schema, verification settings, app clients' write lists) is
         * read again; default 10 min. A read that fails is tried again sooner, with backoff.
         */
        @WithDefault("10m")
        Duration refreshInterval();
    }

    interface Limits {

        /**
         * Cognito calls one operation may make at most: one per root field, and one per profile it selects; default
         * 10.
         */
        @WithDefault("10")
        int rootFields();

        /** Nesting of fields in one operation at most, a root field being at depth 1; default 15. */
        @WithDefault("15")
        int depth();

        /** Complexity of one operation at most: each field counts 1, at every fragment spread; default 100. */
        @WithDefault("100")
        int complexity();

        /** Characters of one GraphQL document at most; default 4096. */
        @WithDefault("4096")
        int documentCharacters();

        /** Tokens (names, punctuation, values) of one GraphQL document at most; default 500. */
        @WithDefault("500")
        int documentTokens();
    }

    interface Documents {

        /**
         * Whether only the documents of the trusted list run ({@code graphql/operations/}, built in, and the
         * {@link #manifest()}): {@code false}, any document runs; {@code true}, any other is refused with
         * {@code PERSISTED_QUERY_NOT_IN_LIST} before it is parsed; {@code log}, any runs and the others are
         * reported (their hash, in a warning at most every ten seconds); default false.
         */
        @WithDefault("false")
        Trusted trusted();

        /**
         * An operator's manifest of further trusted documents: a JSON file as graphql-codegen's client preset writes
         * it ({@code persisted-documents.json} with {@code hashAlgorithm: 'sha256'}), each document's SHA-256 hash
         * (64 lower-case hex digits) to its text; a file that cannot be read or is not such a manifest stops the
         * gateway at start; default none.
         */
        Optional<Path> manifest();

        enum Trusted {
            FALSE,
            TRUE,
            LOG
        }
    }
}
