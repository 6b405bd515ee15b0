package dev.attrgateway.model;

import java.util.List;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;

@Input("UpdateMyAttributesInput")
public record UpdateMyAttributesInput(
        @NonNull List<@NonNull UserAttribute> userAttributes,
        @Nullable List<@NonNull ClientMetadataEntry> clientMetadata) {
}
