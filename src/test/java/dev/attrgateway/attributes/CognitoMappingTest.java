package dev.attrgateway.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.attrgateway.error.GatewayException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;

/** Cognito's answers as the contract's profile: the id from {@code sub}, typed shortcuts of the standard attributes. */
class CognitoMappingTest {

    private static final String SUB = "0b6c1f6e-3d1a-4c55-9d8e-6f1e2a3b4c5d";

    @Test
    void theIdIsTheSubAndTheShortcutsAreTheStandardAttributes() {
        UserProfile profile = CognitoMapping.profile(getUser(attribute("sub", SUB),
                attribute("email", "ada@example.com"), attribute("email_verified", "true"),
                attribute("phone_number", "+15555550100"), attribute("phone_number_verified", "false")));

        assertEquals(SUB, profile.id());
        assertEquals("ada", profile.username());
        assertEquals("ada@example.com", profile.email());
        assertEquals(Boolean.TRUE, profile.emailVerified());
        assertEquals("+15555550100", profile.phoneNumber());
        assertEquals(Boolean.FALSE, profile.phoneNumberVerified());
        assertEquals(5, profile.userAttributes().size(), "every attribute stays in userAttributes");
        assertNull(profile.enabled());
        assertNull(profile.userStatus());
    }

    @Test
    void aUserWithoutTheStandardAttributesHasNullShortcuts() {
        UserProfile profile = CognitoMapping.profile(getUser(attribute("sub", SUB)));

        assertNull(profile.email());
        assertNull(profile.emailVerified());
        assertNull(profile.phoneNumber());
        assertNull(profile.phoneNumberVerified());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(nullValues = "null", value = {"true, true", "false, false", "True, null", "FALSE, null", "1, null",
            "yes, null", "'', null", "' true', null"})
    void theVerifiedFlagsAreParsedStrictly(String value, Boolean flag) {
        UserProfile profile = CognitoMapping.profile(getUser(attribute("sub", SUB), attribute("email_verified", value),
                attribute("phone_number_verified", value)));

        assertEquals(flag, profile.emailVerified());
        assertEquals(flag, profile.phoneNumberVerified());
    }

    @Test
    void anAdminReadAlsoSaysWhetherTheUserIsEnabledAndItsStatus() {
        UserProfile profile = CognitoMapping.profile(AdminGetUserResponse.builder().username("ada").enabled(false)
                .userStatus("FORCE_CHANGE_PASSWORD").userAttributes(attribute("sub", SUB)).build());

        assertEquals(SUB, profile.id());
        assertEquals(Boolean.FALSE, profile.enabled());
        assertEquals("FORCE_CHANGE_PASSWORD", profile.userStatus());
    }

    /** Every Cognito user has a sub; no id is made up for an answer without one (it could merge two users). */
    @Test
    void anAnswerWithoutSubIsNotCognitos() {
        for (GetUserResponse answer : List.of(getUser(attribute("email", "ada@example.com")),
                getUser(attribute("sub", "")))) {
            GatewayException failure = assertThrows(GatewayException.class, () -> CognitoMapping.profile(answer));
            assertEquals("UPSTREAM_UNAVAILABLE", failure.code());
        }
    }

    @Test
    void theProfileNeverPrintsWhoTheUserIsOrHowToReachThem() {
        String printed = CognitoMapping.profile(getUser(attribute("sub", SUB), attribute("email", "ada@example.com"),
                attribute("phone_number", "+15555550100"))).toString();

        for (String personal : List.of(SUB, "ada", "+15555550100")) {
            assertEquals(-1, printed.indexOf(personal), printed);
        }
    }

    private static GetUserResponse getUser(AttributeType... attributes) {
        return GetUserResponse.builder().username("ada").userAttributes(new ArrayList<>(List.of(attributes))).build();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
