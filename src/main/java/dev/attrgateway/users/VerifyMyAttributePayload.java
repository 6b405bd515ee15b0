package dev.attrgateway.users;

import org.eclipse.microprofile.graphql.NonNull;

public record VerifyMyAttributePayload(@NonNull String attributeName, boolean verified) {
}
