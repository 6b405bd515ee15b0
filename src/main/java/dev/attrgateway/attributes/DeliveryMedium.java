package dev.attrgateway.attributes;

/** How Cognito sent a verification code. */
public enum DeliveryMedium {
    SMS,
    EMAIL
}
