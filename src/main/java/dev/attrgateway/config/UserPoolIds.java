package dev.attrgateway.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a Cognito user pool id ({@code <region>_<id>}) says about the pool. */
public final class UserPoolIds {

    /** Cognito's pattern for a pool id, and its length (API reference). */
    public static final Pattern PATTERN = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    public static final int MAX_LENGTH = 55;

    private UserPoolIds() {
    }

    /** Whether the id has the form Cognito gives pool ids. */
    public static boolean isWellFormed(String userPoolId) {
        return userPoolId.length() <= MAX_LENGTH && PATTERN.matcher(userPoolId).matches();
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
