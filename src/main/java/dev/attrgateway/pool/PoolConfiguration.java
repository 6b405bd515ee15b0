package dev.attrgateway.pool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * A user pool's configuration as the gateway last read it from Cognito: the attributes of its schema, in the
 * schema's order; those it verifies with a code ({@code AutoVerifiedAttributes}); of these, those whose previous
 * value stays in effect until the new one is verified ({@code AttributesRequireVerificationBeforeUpdate}); those
 * users sign in with ({@code UsernameAttributes}, {@code AliasAttributes}); and what each app client the gateway
 * accepts lets users write ({@code WriteAttributes}; empty where the client keeps Cognito's default).
 */
public record PoolConfiguration(String userPoolId, Map<String, PoolAttribute> attributes, Set<String> verifiedByCode,
        Set<String> keptUntilVerified, Set<String> signInAttributes, Map<String, Set<String>> clientWriteAttributes) {

    /** What an app client without WriteAttributes lets users write (Cognito's UserPoolClientType reference). */
    static final Set<String> STANDARD_ATTRIBUTES = Set.of("address", "birthdate", "email", "family_name", "gender",
            "given_name", "locale", "middle_name", "name", "nickname", "phone_number", "picture", "preferred_username",
            "profile", "updated_at", "website", "zoneinfo");

    static PoolConfiguration of(UserPoolType pool, Map<String, UserPoolClientType> clients) {
        Map<String, PoolAttribute> attributes = new LinkedHashMap<>();
        pool.schemaAttributes().forEach(schema -> attributes.put(schema.name(), PoolAttribute.of(schema)));
        Map<String, Set<String>> writable = new LinkedHashMap<>();
        clients.forEach((clientId, client) -> writable.put(clientId, Set.copyOf(client.writeAttributes())));
        Set<String> signIn = new TreeSet<>(pool.usernameAttributesAsStrings());
        signIn.addAll(pool.aliasAttributesAsStrings());
        List<String> kept = pool.userAttributeUpdateSettings() == null ? List.of()
                : pool.userAttributeUpdateSettings().attributesRequireVerificationBeforeUpdateAsStrings();
        return new PoolConfiguration(pool.id(), Collections.unmodifiableMap(attributes),
                Set.copyOf(pool.autoVerifiedAttributesAsStrings()), Set.copyOf(kept), Set.copyOf(signIn),
                Collections.unmodifiableMap(writable));
    }

    public Optional<PoolAttribute> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** Whether a new value of the attribute sends its owner a verification code. */
    public boolean sendsCode(String name) {
        return verifiedByCode.contains(name);
    }

    /** Whether the previous value of the attribute stays in effect until a new one is verified. */
    public boolean keepsUntilVerified(String name) {
        return sendsCode(name) && keptUntilVerified.contains(name);
    }

    /** Whether users sign in with the attribute (a username or alias attribute). */
    public boolean signsIn(String name) {
        return signInAttributes.contains(name);
    }

    /** The attributes whose new value is in effect, unverified, before its owner proved it is theirs. */
    public Set<String> unverifiedUpdatesRisky() {
        Set<String> risky = new TreeSet<>(verifiedByCode);
        risky.removeAll(keptUntilVerified);
        return risky;
    }

    /**
     * What the app client lets its users write, if the gateway read that client and it names them. A client that
     * names none keeps Cognito's default, which its reference gives as the standard attributes but which clients made
     * without a list are seen to extend to custom ones: no list is enforced then, Cognito has the last word.
     */
    public Optional<Set<String>> writableThrough(String clientId) {
        Set<String> writable = clientId == null ? null : clientWriteAttributes.get(clientId);
        return writable == null || writable.isEmpty() ? Optional.empty() : Optional.of(writable);
    }

    /** What the app client lets its users write at least, for the operator's warnings: its list, or the default. */
    Set<String> writableAtLeastThrough(String clientId) {
        return writableThrough(clientId).orElse(STANDARD_ATTRIBUTES);
    }
}
