package dev.attrgateway.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.attrgateway.error.Violation;

/**
 * An email is a "valid e-mail address" of the HTML living standard and a phone number is E.164 whatever the pool
 * says, or whether its configuration was read at all: these rules need none.
 */
class InputRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "first.last+tag@example.co.uk", "x!#$%&'*+/=?^_`{|}~-@xn--bcher-kva.example",
            "a@1-2.example"})
    void anEmailAddressOfTheHtmlStandardPasses(String email) {
        assertEquals(List.of(), violations("email", email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@", "@b", "a@b@c", "a b@c", "a@-b.com", "a@b-.com", "a@b..com", "\"q\"@b",
            "a@b.com ", "ä@b.com"})
    void anythingElseIsNotAnEmailAddress(String email) {
        assertEquals(List.of(new Violation("u[0].value", "must be an e-mail address")), violations("email", email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1", "+15551234567", "+123456789012345"})
    void aPlusAndOneToFifteenDigitsIsAPhoneNumber(String phoneNumber) {
        assertEquals(List.of(), violations("phone_number", phoneNumber));
    }

    @ParameterizedTest
    @ValueSource(strings = {"15551234567", "+", "+1234567890123456", "+1 555 123", "+1-555", "00441234"})
    void anythingElseIsNotAPhoneNumber(String phoneNumber) {
        assertEquals(List.of(new Violation("u[0].value", "must be + and 1 to 15 digits (E.164)")),
                violations("phone_number", phoneNumber));
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "phone_number"})
    void anEmptyValueDeletesAndIsNoAddress(String name) {
        assertEquals(List.of(), violations(name, ""));
        assertEquals(List.of(), violations(name, null));
    }

    private static List<Violation> violations(String name, String value) {
        return InputRules.check().attributes("u", List.of(new UserAttribute(name, value))).violations();
    }
}
