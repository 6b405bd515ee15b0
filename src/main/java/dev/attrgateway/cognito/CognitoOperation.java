package dev.attrgateway.cognito;

import dev.attrgateway.quota.QuotaCategory;

/**
 * Every Cognito operation the gateway calls, and all the gateway needs to know of it: its name in Cognito's API (and
 * so its IAM action, {@code cognito-idp:<name>}), its request-rate quota category (developer guide, "Quotas in Amazon
 * Cognito"), whether repeating it is safe, what authorizes it, and what it costs the user it is called for besides a
 * call. {@link CognitoCalls} reads the row to take the permits, retry and measure; the README's quota table and the
 * IAM policy in {@code deploy/iam} follow it, and IamPolicyTest holds the policy to it.
 */
public enum CognitoOperation {
    GET_USER("GetUser", QuotaCategory.USER_READ, RetryPolicy.READ, Authorization.ACCESS_TOKEN, UserCost.NONE),
    UPDATE_USER_ATTRIBUTES("UpdateUserAttributes", QuotaCategory.USER_UPDATE, RetryPolicy.WRITE,
            Authorization.ACCESS_TOKEN, UserCost.CODE_IF_SENT),
    DELETE_USER_ATTRIBUTES("DeleteUserAttributes", QuotaCategory.USER_UPDATE, RetryPolicy.WRITE,
            Authorization.ACCESS_TOKEN, UserCost.NONE),
    VERIFY_USER_ATTRIBUTE("VerifyUserAttribute", QuotaCategory.USER_UPDATE, RetryPolicy.WRITE,
            Authorization.ACCESS_TOKEN, UserCost.VERIFY_ATTEMPT),
    /** Sends a code: a write, though Cognito counts it among the reads of user resources. */
    GET_USER_ATTRIBUTE_VERIFICATION_CODE("GetUserAttributeVerificationCode", QuotaCategory.USER_RESOURCE_READ,
            RetryPolicy.WRITE, Authorization.ACCESS_TOKEN, UserCost.CODE),
    ADMIN_GET_USER("AdminGetUser", QuotaCategory.USER_READ, RetryPolicy.READ, Authorization.IAM, UserCost.NONE),
    ADMIN_UPDATE_USER_ATTRIBUTES("AdminUpdateUserAttributes", QuotaCategory.USER_UPDATE, RetryPolicy.WRITE,
            Authorization.IAM, UserCost.NONE),
    ADMIN_LIST_GROUPS_FOR_USER("AdminListGroupsForUser", QuotaCategory.USER_RESOURCE_READ, RetryPolicy.READ,
            Authorization.IAM, UserCost.NONE),
    DESCRIBE_USER_POOL("DescribeUserPool", QuotaCategory.USER_POOL_READ, RetryPolicy.READ, Authorization.IAM,
            UserCost.NONE),
    DESCRIBE_USER_POOL_CLIENT("DescribeUserPoolClient", QuotaCategory.USER_POOL_CLIENT_READ, RetryPolicy.READ,
            Authorization.IAM, UserCost.NONE);

    /** What Cognito checks before it acts. */
    public enum Authorization {
        /** The user's access token, which the gateway forwards; no IAM permission is involved. */
        ACCESS_TOKEN,
        /** The gateway's own AWS credentials, through an IAM policy. */
        IAM
    }

    /** What a call costs the user it is made for, besides a permit of the caller's budget. */
    public enum UserCost {
        NONE,
        /** It sends a verification code: a permit of the user's codes budget. */
        CODE,
        /** It sends a code when the change asks for one ({@link Charge#sendingCode}): then a permit of the codes budget. */
        CODE_IF_SENT,
        /** It checks a code the user submits: a permit of the user's verification attempts budget. */
        VERIFY_ATTEMPT
    }

    private final String apiName;
    private final QuotaCategory quotaCategory;
    private final RetryPolicy retryPolicy;
    private final Authorization authorization;
    private final UserCost userCost;

    CognitoOperation(String apiName, QuotaCategory quotaCategory, RetryPolicy retryPolicy, Authorization authorization,
            UserCost userCost) {
        this.apiName = apiName;
        this.quotaCategory = quotaCategory;
        this.retryPolicy = retryPolicy;
        this.authorization = authorization;
        this.userCost = userCost;
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

    public UserCost userCost() {
        return userCost;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }
}
