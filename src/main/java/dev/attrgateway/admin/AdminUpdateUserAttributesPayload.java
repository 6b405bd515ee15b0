package dev.attrgateway.admin;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.attrgateway.attributes.AttributeOutcome;

public record AdminUpdateUserAttributesPayload(
        @NonNull String userPoolId,
        @NonNull String username,
        @Description("The attribute names that were submitted to Cognito, in request order.")
        @NonNull List<@NonNull String> attributeNames,
        @Description("What became of each submitted attribute, in request order.")
        @NonNull List<@NonNull AttributeOutcome> attributeOutcomes) {
}
