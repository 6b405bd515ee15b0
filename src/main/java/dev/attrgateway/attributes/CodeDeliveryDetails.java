package dev.attrgateway.attributes;

import org.eclipse.microprofile.graphql.Description;

/** Where Cognito sent a verification code. */
@Description("Where Cognito sent a verification code.")
public record CodeDeliveryDetails(
        String attributeName,
        DeliveryMedium deliveryMedium,
        @Description("Masked by Cognito, e.g. a***@e***.com") String destination) {
}
