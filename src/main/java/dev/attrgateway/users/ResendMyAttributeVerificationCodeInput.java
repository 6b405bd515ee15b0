package dev.attrgateway.users;

import java.util.List;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.attrgateway.attributes.ClientMetadataEntry;
import dev.attrgateway.attributes.InputRules;
import dev.attrgateway.error.Violation;
import io.smallrye.graphql.api.Nullable;

@Input("ResendMyAttributeVerificationCodeInput")
public record ResendMyAttributeVerificationCodeInput(
        @NonNull String attributeName,
        @Nullable List<@NonNull ClientMetadataEntry> clientMetadata) {

    /** Every constraint the input breaks. */
    public List<Violation> violations() {
        return InputRules.check().attributeName("input.attributeName", attributeName)
                .clientMetadata("input.clientMetadata", clientMetadata).violations();
    }
}
