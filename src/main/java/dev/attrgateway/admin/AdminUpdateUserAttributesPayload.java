package dev.attrgateway.admin;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record AdminUpdateUserAttributesPayload(
        @NonNull String userPoolId,
        @NonNull String username,
        @Description("The attribute names that were submitted to Cognito, in request order.")
        @NonNull List<@NonNull String> attributeNames) {
}
