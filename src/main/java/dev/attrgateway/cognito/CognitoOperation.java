package dev.attrgateway.cognito;

import dev.attrgateway.quota.QuotaCategory;

/**
 * Every Cognito operation the gateway calls: its name in Cognito's API, its request-rate quota category
 * (developer guide, "Quotas in Amazon Cognito"), whether repeating it is safe, and what authorizes it. The
 * README's quota table and the IAM policy in {@code deploy/} follow this table.
 */
public enum CognitoOperation {
    GET_USER("GetUser", QuotaCategory.USER_READ, RetryPolicy.READ, Authorization.ACCESS_TOKEN),
    UPDATE_USER_ATTRIBUTES("UpdateUserAttributes", QuotaCategory.USER_UPDATE, RetryPolicy.WRITE,
            Authorization.ACCESS_TOKEN),
    VERIFY_USER_ATTRIBUTE("VerifyUserAttribute", QuotaCategory.USER_UPDATE, RetryPolicy.WRITE,
            Authorization.ACCESS_TOKEN),
    /** Sends a code: a write, though Cognito counts it among the reads of user resources. */
    GET_USER_ATTRIBUTE_VERIFICATION_CODE("GetUserAttributeVerificationCode", QuotaCategory.USER_RESOURCE_READ,
            RetryPolicy.WRITE, Authorization.ACCESS_TOKEN),
    ADMIN_GET_USER("AdminGetUser", QuotaCategory.USER_READ, RetryPolicy.READ, Authorization.IAM),
    ADMIN_UPDATE_USER_ATTRIBUTES("AdminUpdateUserAttributes", QuotaCategory.USER_UPDATE, RetryPolicy.WRITE,
            Authorization.IAM),
    ADMIN_LIST_GROUPS_FOR_USER("AdminListGroupsForUser", QuotaCategory.USER_RESOURCE_READ, RetryPolicy.READ,
            Authorization.IAM),
    DESCRIBE_USER_POOL_CLIENT("DescribeUserPoolClient", QuotaCategory.USER_POOL_CLIENT_READ, RetryPolicy.READ,
            Authorization.IAM);

    /** What Cognito checks before it acts. */
    public enum Authorization {
        /** The user's access token, which the gateway forwards; no IAM permission is involved. */
        ACCESS_TOKEN,
        /** The gateway's own AWS credentials, through an IAM policy. */
        IAM
    }

    private final String apiName;
    private final QuotaCategory quotaCategory;
    private final RetryPolicy retryPolicy;
    private final Authorization authorization;

    CognitoOperation(String apiName, QuotaCategory quotaCategory, RetryPolicy retryPolicy, Authorization authorization) {
        this.apiName = apiName;
        this.quotaCategory = quotaCategory;
        this.retryPolicy = retryPolicy;
        this.authorization = authorization;
    }

    public String apiName() {
        return apiName;
    }

    public QuotaCategory quotaCategory() {
        return quotaCategory;
    }

    public Authorization authorization() {
        return authorization;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }
}
