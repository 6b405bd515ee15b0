package dev.attrgateway.users;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record DeleteMyAttributesPayload(
        @Description("The attribute names that were deleted, in request order.")
        @NonNull List<@NonNull String> attributeNames) {
}
