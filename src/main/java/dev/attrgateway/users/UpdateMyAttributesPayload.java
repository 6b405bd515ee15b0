package dev.attrgateway.users;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.attrgateway.attributes.AttributeOutcome;
import dev.attrgateway.attributes.CodeDeliveryDetails;

public record UpdateMyAttributesPayload(
        @Description("One entry for each verification code Cognito sent (empty when none was needed).")
        @NonNull List<@NonNull CodeDeliveryDetails> codeDeliveryDetailsList,
        @Description("What became of each submitted attribute, in request order.")
        @NonNull List<@NonNull AttributeOutcome> attributeOutcomes) {
}
