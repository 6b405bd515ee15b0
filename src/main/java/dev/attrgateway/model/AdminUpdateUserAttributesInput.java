package dev.attrgateway.model;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record AdminUpdateUserAttributesInput(
        @Description("Defaults to the gateway's user pool; any other pool must be allowed by configuration.")
        String userPoolId,
        @NonNull String username,
        @NonNull List<@NonNull UserAttribute> userAttributes,
        List<@NonNull ClientMetadataEntry> clientMetadata) {
}
