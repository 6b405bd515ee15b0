package dev.attrgateway.support;

import java.util.List;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The exceptions Cognito documents for UpdateUserAttributes and AdminUpdateUserAttributes, as Cognito sends
 * them (HTTP status, a message of its own), and the error the contract makes of each. One table, for the
 * mapping's unit test and for the test over the wire.
 */
public final class DocumentedFaults {

    private static final String SDK_MODEL_PACKAGE = "software.amazon.awssdk.services.cognitoidentityprovider.model.";

    /** One documented exception and its contract error. */
    public record Fault(String name, int status, String code, boolean retryable, String message) {

        /** A builder of the SDK's own exception class of that name, as the SDK builds it from the wire. */
        public AwsServiceException.Builder sdkBuilder() {
            try {
                return (AwsServiceException.Builder) Class.forName(SDK_MODEL_PACKAGE + name).getMethod("builder")
                        .invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The SDK has no exception " + name, e);
            }
        }
    }

    public static final List<Fault> DOCUMENTED = List.of(
            new Fault("AliasExistsException", 400, "ALIAS_EXISTS", false, "An account with the given email already exists."),
            new Fault("CodeDeliveryFailureException", 400, "CODE_DELIVERY_FAILURE", false,
                    "Unable to deliver the verification code."),
            new Fault("CodeMismatchException", 400, "CODE_MISMATCH", false,
                    "Invalid verification code provided, please try again."),
            new Fault("ExpiredCodeException", 400, "EXPIRED_CODE", false, "Invalid code provided, please request a code again."),
            new Fault("InternalErrorException", 500, "INTERNAL_ERROR", true, "Internal server error."),
            new Fault("InvalidEmailRoleAccessPolicyException", 400, "INVALID_EMAIL_ROLE_ACCESS_POLICY", false,
                    "Cognito is not allowed to use your email identity."),
            new Fault("InvalidLambdaResponseException", 400, "INVALID_LAMBDA_RESPONSE", false, "Unrecognizable lambda output"),
            new Fault("InvalidParameterException", 400, "INVALID_PARAMETER", false,
                    "1 validation error detected: Value at 'username' failed to satisfy constraint"),
            new Fault("InvalidSmsRoleAccessPolicyException", 400, "INVALID_SMS_ROLE_ACCESS_POLICY", false,
                    "Role does not have permission to publish with SNS"),
            new Fault("InvalidSmsRoleTrustRelationshipException", 400, "INVALID_SMS_ROLE_TRUST_RELATIONSHIP", false,
                    "Role has an invalid trust relationship"),
            new Fault("NotAuthorizedException", 400, "NOT_AUTHORIZED", false, "Access Token has been revoked"),
            new Fault("PasswordResetRequiredException", 400, "PASSWORD_RESET_REQUIRED", false,
                    "Password reset required for the user"),
            new Fault("ResourceNotFoundException", 400, "RESOURCE_NOT_FOUND", false, "User pool client does not exist."),
            new Fault("TooManyRequestsException", 400, "TOO_MANY_REQUESTS", true, "Too many requests"),
            new Fault("UnexpectedLambdaException", 400, "UNEXPECTED_LAMBDA", false,
                    "The pre sign-up trigger failed unexpectedly."),
            new Fault("UserLambdaValidationException", 400, "USER_LAMBDA_VALIDATION", false,
                    "PreSignUp failed with error Domain not allowed."),
            new Fault("UserNotConfirmedException", 400, "USER_NOT_CONFIRMED", false, "User is not confirmed."),
            new Fault("UserNotFoundException", 400, "USER_NOT_FOUND", false, "User does not exist."),
            new Fault("ForbiddenException", 403, "FORBIDDEN", false,
                    "The request was blocked by the web ACL of the user pool."));

    private DocumentedFaults() {
    }
}
