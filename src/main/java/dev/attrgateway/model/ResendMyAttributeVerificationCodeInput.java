package dev.attrgateway.model;

import java.util.List;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;

@Input("ResendMyAttributeVerificationCodeInput")
public record ResendMyAttributeVerificationCodeInput(
        @NonNull String attributeName,
        @Nullable List<@NonNull ClientMetadataEntry> clientMetadata) {
}
