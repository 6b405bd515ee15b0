package dev.attrgateway.attributes;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A user's name and attributes; {@code enabled} and {@code userStatus} only from {@code adminGetUser}. */
@Description("A user's profile.")
public record UserProfile(
        @NonNull String username,
        @NonNull List<@NonNull UserAttribute> userAttributes,
        @Description("Only adminGetUser fills this; null for me.") Boolean enabled,
        @Description("Only adminGetUser fills this (Cognito's UserStatus, e.g. CONFIRMED); null for me.") String userStatus) {
}
