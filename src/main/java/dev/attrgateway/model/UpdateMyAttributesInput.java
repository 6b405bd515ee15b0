package dev.attrgateway.model;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

public record UpdateMyAttributesInput(
        @NonNull List<@NonNull UserAttribute> userAttributes,
        List<@NonNull ClientMetadataEntry> clientMetadata) {
}
