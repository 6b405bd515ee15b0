package dev.attrgateway.model;

import org.eclipse.microprofile.graphql.NonNull;

public record VerifyMyAttributeInput(@NonNull String attributeName, @NonNull String code) {
}
