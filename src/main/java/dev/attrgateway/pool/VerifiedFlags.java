package dev.attrgateway.pool;

import java.util.List;
import java.util.Optional;

import dev.attrgateway.attributes.UserAttribute;

/** The {@code <attribute>_verified} flags of a change, as Cognito reads them. */
final class VerifiedFlags {

    private VerifiedFlags() {
    }

    static String flagOf(String attribute) {
        return attribute + "_verified";
    }

    /** Whether the change sets the attribute's verified flag to {@code true}. */
    static boolean markedVerified(List<UserAttribute> attributes, String attribute) {
        return flag(attributes, attribute).map("true"::equals).orElse(false);
    }

    /** The value the change gives the attribute's verified flag, if it names it. */
    static Optional<String> flag(List<UserAttribute> attributes, String attribute) {
        String flag = flagOf(attribute);
        return attributes.stream().filter(a -> flag.equals(a.name()))
                .map(a -> a.value() == null ? "" : a.value()).findFirst();
    }
}
