package dev.attrgateway.quota;

import dev.attrgateway.config.GatewayConfig;

/**
 * Cognito's request-rate quota categories of the operations the gateway calls (developer guide, "Quotas
 * in Amazon Cognito"). Their quotas are per AWS account and Region, shared by every app and user pool of
 * the account; {@code dev.attrgateway.cognito.CognitoOperation} says which operation is in which.
 */
public enum QuotaCategory {
    /** GetUser, AdminGetUser: 120 requests per second, adjustable. */
    USER_READ("UserRead"),
    /** UpdateUserAttributes, AdminUpdateUserAttributes, VerifyUserAttribute: 25 per second, not adjustable. */
    USER_UPDATE("UserUpdate"),
    /** GetUserAttributeVerificationCode, AdminListGroupsForUser: 50 per second, adjustable. */
    USER_RESOURCE_READ("UserResourceRead"),
    /** DescribeUserPool: 15 per second for the account. */
    USER_POOL_READ("UserPoolRead"),
    /** DescribeUserPoolClient: 15 per second for the account, 5 per second per user pool. */
    USER_POOL_CLIENT_READ("UserPoolClientRead");

    private final String cognitoName;

    QuotaCategory(String cognitoName) {
        this.cognitoName = cognitoName;
    }

    /** The category's name as Cognito's quotas page and the Service Quotas console write it. */
    public String cognitoName() {
        return cognitoName;
    }

    /** The gateway's budget of calls per second in this category. */
    public int budgetPerSecond(GatewayConfig.Quota quota) {
        return switch (this) {
            case USER_READ -> quota.userReadRps();
            case USER_UPDATE -> quota.userUpdateRps();
            case USER_RESOURCE_READ -> quota.userResourceReadRps();
            case USER_POOL_READ -> quota.userPoolReadRps();
            case USER_POOL_CLIENT_READ -> quota.userPoolClientReadRps();
        };
    }
}
