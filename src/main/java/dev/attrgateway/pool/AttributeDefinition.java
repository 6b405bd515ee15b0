package dev.attrgateway.pool;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One attribute of the pool as the caller may use it, to build profile forms. */
@Description("One attribute of the user pool as the caller may use it.")
public record AttributeDefinition(
        @Description("As in userAttributes, custom ones with the \"custom:\" prefix.") @NonNull String name,
        @NonNull AttributeDataType type,
        boolean required,
        boolean mutable,
        @Description("Whether updateMyAttributes may change it for this caller (app client write list and policy).")
        boolean writable,
        @Description("Whether a change sends a verification code (auto-verified email / phone_number).")
        boolean verifiedByCode,
        @Description("Whether the previous value stays in effect until a new one is verified.")
        boolean keptUntilVerified,
        Integer minLength,
        Integer maxLength) {
}
