package dev.attrgateway.admin;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;
import dev.attrgateway.attributes.ClientMetadataEntry;
import dev.attrgateway.attributes.UserAttribute;

@Input("AdminUpdateUserAttributesInput")
public record AdminUpdateUserAttributesInput(
        @Description("Defaults to the gateway's user pool; any other pool must be allowed by configuration.")
        String userPoolId,
        @NonNull String username,
        @NonNull List<@NonNull UserAttribute> userAttributes,
        @Nullable List<@NonNull ClientMetadataEntry> clientMetadata) {
}
