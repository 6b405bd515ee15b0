package dev.attrgateway.support;

import java.util.UUID;

import dev.attrgateway.local.LocalCognito;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** Tokens of the seeded demo users, and fresh users for tests that change attributes. */
public final class DemoUsers {

    private DemoUsers() {
    }

    public static String accessToken(String username) {
        return signIn(username).accessToken();
    }

    public static AuthenticationResultType signIn(String username) {
        return LocalCognito.shared().signIn(username, LocalCognito.DEMO_PASSWORD);
    }

    /** A new confirmed user with a verified email, so that a test can change it without disturbing others. */
    public static String newUser(String prefix, String... groups) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        LocalCognito.shared().createUser(username, username + "@example.com", groups);
        return username;
    }
}
