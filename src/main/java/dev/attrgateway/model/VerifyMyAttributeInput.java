package dev.attrgateway.model;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("VerifyMyAttributeInput")
public record VerifyMyAttributeInput(@NonNull String attributeName, @NonNull String code) {
}
