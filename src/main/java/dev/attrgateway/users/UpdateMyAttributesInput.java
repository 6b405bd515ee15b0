package dev.attrgateway.users;

import java.util.List;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;
import dev.attrgateway.attributes.ClientMetadataEntry;
import dev.attrgateway.attributes.UserAttribute;

@Input("UpdateMyAttributesInput")
public record UpdateMyAttributesInput(
        @NonNull List<@NonNull UserAttribute> userAttributes,
        @Nullable List<@NonNull ClientMetadataEntry> clientMetadata) {
}
