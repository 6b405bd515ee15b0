package dev.attrgateway.users;

import java.util.List;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;
import dev.attrgateway.attributes.ClientMetadataEntry;

@Input("ResendMyAttributeVerificationCodeInput")
public record ResendMyAttributeVerificationCodeInput(
        @NonNull String attributeName,
        @Nullable List<@NonNull ClientMetadataEntry> clientMetadata) {
}
