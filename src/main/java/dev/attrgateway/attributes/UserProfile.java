package dev.attrgateway.attributes;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A user's id, name and attributes, with typed shortcuts of the standard ones ({@link CognitoMapping} fills them);
 * {@code enabled} and {@code userStatus} only from {@code adminGetUser}.
 */
@Description("A user's profile.")
public record UserProfile(
        @Description("Cognito's sub: the user's stable id, a key for normalized client caches.") @Id @NonNull String id,
        @NonNull String username,
        @Description("The email attribute; null when the user has none.") String email,
        @Description("email_verified as a Boolean; null when the user has none.") Boolean emailVerified,
        @Description("The phone_number attribute; null when the user has none.") String phoneNumber,
        @Description("phone_number_verified as a Boolean; null when the user has none.") Boolean phoneNumberVerified,
        @NonNull List<@NonNull UserAttribute> userAttributes,
        @Description("Only adminGetUser fills this; null for me.") Boolean enabled,
        @Description("Only adminGetUser fills this (Cognito's UserStatus, e.g. CONFIRMED); null for me.")
        String userStatus) {

    /** Who the user is and how to reach them are personal data, never logged, not even by accident. */
    @Override
    public String toString() {
        return "UserProfile[userAttributes=" + userAttributes + ", enabled=" + enabled + ", userStatus=" + userStatus
                + "]";
    }
}
