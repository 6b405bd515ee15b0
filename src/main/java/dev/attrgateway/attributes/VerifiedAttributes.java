package dev.attrgateway.attributes;

import java.util.List;
import java.util.Set;

/** The attributes users verify with a code: Cognito sends one when such an attribute gets a new value. */
public final class VerifiedAttributes {

    private static final Set<String> NAMES = Set.of("email", "phone_number");

    private VerifiedAttributes() {
    }

    /** Whether the change gives a verified attribute a value, and so may send the user a code. */
    public static boolean changeSendsCode(List<UserAttribute> attributes) {
        return attributes.stream().anyMatch(a -> NAMES.contains(a.name()) && a.value() != null && !a.value().isEmpty());
    }
}
