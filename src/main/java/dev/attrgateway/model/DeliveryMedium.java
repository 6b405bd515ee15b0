package dev.attrgateway.model;

/** How Cognito sent a verification code. */
public enum DeliveryMedium {
    SMS,
    EMAIL
}
