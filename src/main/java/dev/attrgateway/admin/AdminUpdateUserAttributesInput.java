package dev.attrgateway.admin;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.attrgateway.attributes.ClientMetadataEntry;
import dev.attrgateway.attributes.InputRules;
import dev.attrgateway.attributes.UserAttribute;
import dev.attrgateway.error.Violation;
import io.smallrye.graphql.api.Nullable;

@Input("AdminUpdateUserAttributesInput")
public record AdminUpdateUserAttributesInput(
        @Description("Defaults to the gateway's user pool; any other pool must be allowed by configuration.")
        String userPoolId,
        @NonNull String username,
        @NonNull List<@NonNull UserAttribute> userAttributes,
        @Nullable List<@NonNull ClientMetadataEntry> clientMetadata) {

    /** Every constraint the input breaks. */
    public List<Violation> violations() {
        return InputRules.check().userPoolId("input.userPoolId", userPoolId).username("input.username", username)
                .attributes("input.userAttributes", userAttributes)
                .clientMetadata("input.clientMetadata", clientMetadata).violations();
    }
}
