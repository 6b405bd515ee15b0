package dev.attrgateway.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attrgateway.attributes.UserAttribute;
import dev.attrgateway.cognito.Charge;
import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/**
 * No silent alias theft: an administrator's change that leaves a user with a verified {@code email} or
 * {@code phone_number} that users sign in with (a username or alias attribute of the pool; any pool not read yet)
 * is refused ({@code ALIAS_EXISTS}, {@code conflict: true}) when another user already signs in with that value.
 * Who holds a value is asked with AdminGetUser, which takes an alias for a username (a grant the gateway has
 * already, unlike ListUsers); the user's own attributes are read only when the change leaves the verified flag to
 * them. Each lookup is a call of its own, charged to the administrator.
 */
@ApplicationScoped
public class AliasGuard {

    private static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    private static final String TAKEN = "Another user already signs in with this value; it was not changed";

    private final CognitoCalls cognito;

    AliasGuard(CognitoCalls cognito) {
        this.cognito = cognito;
    }

    public Uni<Void> requireNoOtherHolder(Charge charge, String userPoolId, String username,
            List<UserAttribute> attributes, Optional<PoolConfiguration> pool) {
        List<String> watched = PoolConfigurations.VERIFIED_STANDARD_ATTRIBUTES.stream()
                .filter(name -> pool.map(p -> p.signsIn(name)).orElse(true)).toList();
        boolean needsUser = watched.stream().anyMatch(name -> needsCurrentUser(attributes, name, pool));
        if (!needsUser && watched.stream().allMatch(name -> verifiedValue(attributes, name).isEmpty())) {
            return Uni.createFrom().voidItem();
        }
        Uni<AdminGetUserResponse> user = needsUser ? cognito.adminGetUser(charge, userPoolId, username)
                : Uni.createFrom().nullItem();
        return user.chain(current -> {
            List<String> values = new ArrayList<>();
            for (String name : watched) {
                valueToCheck(attributes, name, pool, current).ifPresent(values::add);
            }
            return Multi.createFrom().iterable(values)
                    .onItem().transformToUniAndConcatenate(value -> requireHeldBy(charge, userPoolId, username,
                            current, value))
                    .collect().last().replaceWithVoid();
        });
    }

    /**
     * The value the change leaves verified for the user, if any: the one it sets (or the user's current one) when it
     * marks the attribute verified; the one it sets, when it leaves the flag alone, the pool sends no code for it and
     * the user's current value is verified (Cognito then keeps the flag).
     */
    private static Optional<String> valueToCheck(List<UserAttribute> attributes, String name,
            Optional<PoolConfiguration> pool, AdminGetUserResponse current) {
        Optional<String> marked = verifiedValue(attributes, name);
        if (marked.isPresent() || VerifiedFlags.markedVerified(attributes, name)) {
            return marked.isPresent() ? marked : current == null ? Optional.empty() : attribute(current, name);
        }
        Optional<String> set = newValue(attributes, name);
        if (set.isPresent() && VerifiedFlags.flag(attributes, name).isEmpty() && current != null
                && !pool.map(p -> p.sendsCode(name)).orElse(false)
                && attribute(current, VerifiedFlags.flagOf(name)).map("true"::equals).orElse(false)) {
            return set;
        }
        return Optional.empty();
    }

    private static boolean needsCurrentUser(List<UserAttribute> attributes, String name,
            Optional<PoolConfiguration> pool) {
        boolean marked = VerifiedFlags.markedVerified(attributes, name);
        Optional<String> set = newValue(attributes, name);
        return marked && set.isEmpty() && !deletes(attributes, name)
                || !marked && set.isPresent() && VerifiedFlags.flag(attributes, name).isEmpty()
                        && !pool.map(p -> p.sendsCode(name)).orElse(false);
    }

    /** The value the change sets and marks verified in the same request. */
    private static Optional<String> verifiedValue(List<UserAttribute> attributes, String name) {
        return VerifiedFlags.markedVerified(attributes, name) ? newValue(attributes, name) : Optional.empty();
    }

    private static Optional<String> newValue(List<UserAttribute> attributes, String name) {
        return attributes.stream().filter(a -> name.equals(a.name()) && a.value() != null && !a.value().isEmpty())
                .map(UserAttribute::value).findFirst();
    }

    private static boolean deletes(List<UserAttribute> attributes, String name) {
        return attributes.stream().anyMatch(a -> name.equals(a.name()) && (a.value() == null || a.value().isEmpty()));
    }

    /** Passes when nobody signs in with the value, or the user does; {@code user} is read if needed and not yet. */
    private Uni<Void> requireHeldBy(Charge charge, String userPoolId, String username, AdminGetUserResponse user,
            String value) {
        return cognito.adminGetUser(charge, userPoolId, value)
                .map(holder -> Optional.of(holder.username()))
                .onFailure(failure -> failure instanceof GatewayException fault && fault.code().equals(USER_NOT_FOUND))
                .recoverWithItem(Optional.empty())
                .chain(holder -> {
                    if (holder.isEmpty() || holder.get().equals(username)
                            || user != null && holder.get().equals(user.username())) {
                        return Uni.createFrom().voidItem();
                    }
                    // The administrator may have named the user by an alias or sub: compare with the user's username.
                    Uni<AdminGetUserResponse> named = user != null ? Uni.createFrom().item(user)
                            : cognito.adminGetUser(charge, userPoolId, username);
                    return named.invoke(target -> {
                        if (!holder.get().equals(target.username())) {
                            throw GatewayException.conflict(ErrorCode.ALIAS_EXISTS, TAKEN);
                        }
                    }).replaceWithVoid();
                });
    }

    private static Optional<String> attribute(AdminGetUserResponse user, String name) {
        return user.userAttributes().stream().filter(a -> name.equals(a.name())).map(AttributeType::value)
                .findFirst();
    }
}
