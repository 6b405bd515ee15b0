package dev.attrgateway.config;

import java.util.Optional;

/** What a Cognito user pool id ({@code <region>_<id>}) says about the pool. */
public final class UserPoolIds {

    private UserPoolIds() {
    }

    /** The region prefix: {@code eu-west-1_AbC} gives {@code eu-west-1}. */
    public static Optional<String> region(String userPoolId) {
        int separator = userPoolId.indexOf('_');
        return separator > 0 ? Optional.of(userPoolId.substring(0, separator)) : Optional.empty();
    }

    /** The issuer of the pool's tokens on AWS. */
    public static String issuer(String region, String userPoolId) {
        return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }
}
