package dev.attrgateway.attributes;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attrgateway.config.GatewayConfig;
import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;

/**
 * Which attributes users may not write themselves, only administrators: the verified flags (users verify with a code,
 * not by saying so), and what {@code gateway.self-service-read-only-attributes} adds. By name, in any letter case:
 * Cognito compares names exactly, so {@code Email_Verified} is not its {@code email_verified}, but no spelling of a
 * read-only name is ever forwarded on a user's behalf.
 */
@ApplicationScoped
public class WritePolicy {

    /** Read-only for users whatever the configuration says. */
    public static final Set<String> ALWAYS_READ_ONLY_FOR_USERS = Set.of("email_verified", "phone_number_verified");

    private final Set<String> readOnlyForUsers;

    WritePolicy(GatewayConfig config) {
        Set<String> readOnly = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        readOnly.addAll(ALWAYS_READ_ONLY_FOR_USERS);
        config.selfServiceReadOnlyAttributes().ifPresent(readOnly::addAll);
        this.readOnlyForUsers = Collections.unmodifiableSet(readOnly);
    }

    /** The names users may not write, compared in any letter case. */
    public Set<String> readOnlyForUsers() {
        return readOnlyForUsers;
    }

    /** Refuses a user's change of any of these names that only an administrator may change. */
    public void requireWritableByUser(Collection<String> names) {
        List<String> readOnly = names.stream().filter(readOnlyForUsers::contains).toList();
        if (!readOnly.isEmpty()) {
            throw GatewayException.of(ErrorCode.FORBIDDEN, "Only an administrator may change " + String.join(", ", readOnly));
        }
    }
}
