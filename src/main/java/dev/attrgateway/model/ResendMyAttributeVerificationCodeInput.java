package dev.attrgateway.model;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

public record ResendMyAttributeVerificationCodeInput(
        @NonNull String attributeName,
        List<@NonNull ClientMetadataEntry> clientMetadata) {
}
