package dev.attrgateway.users;

import static dev.attrgateway.support.GraphQL.attribute;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.EmulatorGateway;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.VerificationCodes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** The self-service operations against the emulator, each on a user of its own. */
@QuarkusTest
@TestProfile(EmulatorGateway.class)
class SelfServiceTest {

    @Test
    void updatedAttributesReadBackThroughMe() {
        String token = DemoUsers.accessToken(DemoUsers.newUser("update"));

        GraphQL.updateMyAttributes(token, attribute("name", "Ada Lovelace"), attribute("custom:department", "R&D"))
                .body("errors", nullValue())
                .body("data.updateMyAttributes.codeDeliveryDetailsList", empty());

        me(token)
                .body("data.me.userAttributes.find { it.name == 'name' }.value", equalTo("Ada Lovelace"))
                .body("data.me.userAttributes.find { it.name == 'custom:department' }.value", equalTo("R&D"));
    }

    @Test
    void anUpdateReadsTheChangedProfileBackWhenAskedWithTheIdOfMe() {
        String username = DemoUsers.newUser("readback");
        String token = DemoUsers.accessToken(username);
        String id = me(token).extract().path("data.me.id");

        GraphQL.post(GraphQL.request(token), "mutation($input: UpdateMyAttributesInput!) {"
                + " updateMyAttributes(input: $input) { codeDeliveryDetailsList { attributeName }"
                + " profile { id username email emailVerified phoneNumber phoneNumberVerified"
                + " userAttributes { name value } } } }",
                Map.of("input", Map.of("userAttributes", List.of(attribute("name", "Ada Lovelace"))))).statusCode(200)
                .body("errors", nullValue())
                .body("data.updateMyAttributes.profile.id", equalTo(id))
                .body("data.updateMyAttributes.profile.username", equalTo(username))
                .body("data.updateMyAttributes.profile.userAttributes.find { it.name == 'name' }.value",
                        equalTo("Ada Lovelace"))
                .body("data.updateMyAttributes.profile.email", equalTo(username + "@example.com"))
                .body("data.updateMyAttributes.profile.emailVerified", equalTo(true))
                .body("data.updateMyAttributes.profile.phoneNumber", nullValue())
                .body("data.updateMyAttributes.profile.phoneNumberVerified", nullValue());
    }

    @Test
    void aBlankOrNullValueDeletesTheAttribute() {
        String token = DemoUsers.accessToken(DemoUsers.newUser("delete"));
        GraphQL.updateMyAttributes(token, attribute("nickname", "Ada"), attribute("name", "Ada L")).body("errors", nullValue());

        GraphQL.updateMyAttributes(token, attribute("nickname", ""), attribute("name", null)).body("errors", nullValue());

        me(token).body("data.me.userAttributes.name", not(hasItem("nickname")))
                .body("data.me.userAttributes.name", not(hasItem("name")));
    }

    @Test
    void deletedAttributesAreGone() {
        String token = DemoUsers.accessToken(DemoUsers.newUser("deleter"));
        GraphQL.updateMyAttributes(token, attribute("nickname", "Ada"), attribute("custom:department", "R&D"))
                .body("errors", nullValue());

        GraphQL.execute("deleteMyAttributes", Map.of("input", Map.of("attributeNames",
                List.of("nickname", "custom:department"))), token).statusCode(200)
                .body("errors", nullValue())
                .body("data.deleteMyAttributes.attributeNames", contains("nickname", "custom:department"))
                .body("data.deleteMyAttributes.profile.userAttributes.name", not(hasItem("nickname")));

        me(token).body("data.me.userAttributes.name", not(hasItem("nickname")))
                .body("data.me.userAttributes.name", not(hasItem("custom:department")));
    }

    @Test
    void anEmailChangeSendsACodeThatVerifiesIt() {
        String username = DemoUsers.newUser("email");
        String token = DemoUsers.accessToken(username);

        String code = changeEmail(username, token);
        me(token).body("data.me.userAttributes.find { it.name == 'email_verified' }.value", equalTo("false"))
                .body("data.me.emailVerified", equalTo(false));

        verify(token, "email", code)
                .body("errors", nullValue())
                .body("data.verifyMyAttribute.attributeName", equalTo("email"))
                .body("data.verifyMyAttribute.verified", equalTo(true))
                .body("data.verifyMyAttribute.profile.email", equalTo(username + "@example.net"))
                .body("data.verifyMyAttribute.profile.emailVerified", equalTo(true));
        me(token).body("data.me.userAttributes.find { it.name == 'email_verified' }.value", equalTo("true"))
                .body("data.me.userAttributes.find { it.name == 'email' }.value", equalTo(username + "@example.net"));
    }

    @Test
    void aWrongCodeIsACodeMismatch() {
        String username = DemoUsers.newUser("mismatch");
        String token = DemoUsers.accessToken(username);
        String code = changeEmail(username, token);
        String wrongCode = code.equals("000000") ? "111111" : "000000";

        verify(token, "email", wrongCode)
                .body("data", nullValue())
                .body("errors[0].message", equalTo("Incorrect confirmation code"))
                .body("errors[0].extensions.code", equalTo("CODE_MISMATCH"))
                .body("errors[0].extensions.cognitoError", equalTo("CodeMismatchException"))
                .body("errors[0].extensions.retryable", equalTo(false));
        me(token).body("data.me.userAttributes.find { it.name == 'email_verified' }.value", equalTo("false"));
    }

    @Test
    void resendSendsANewCodeThatVerifies() {
        String username = DemoUsers.newUser("resend");
        String token = DemoUsers.accessToken(username);
        changeEmail(username, token);
        int codesBefore = VerificationCodes.countFor(username);

        GraphQL.execute("resendMyAttributeVerificationCode", Map.of("input", Map.of("attributeName", "email",
                "clientMetadata", List.of(Map.of("key", "source", "value", "resend-test")))), token)
                .body("errors", nullValue())
                .body("data.resendMyAttributeVerificationCode.attributeName", equalTo("email"));

        verify(token, "email", VerificationCodes.nextFor(username, codesBefore)).body("errors", nullValue())
                .body("data.verifyMyAttribute.verified", equalTo(true));
    }

    @Test
    void clientMetadataIsAccepted() {
        String token = DemoUsers.accessToken(DemoUsers.newUser("metadata"));
        Map<String, Object> input = Map.of(
                "userAttributes", List.of(attribute("custom:role", "reader")),
                "clientMetadata", List.of(Map.of("key", "source", "value", "profile-page")));

        GraphQL.execute("updateMyAttributes", Map.of("input", input), token).body("errors", nullValue());
    }

    @Test
    void usersCannotMarkTheirEmailVerified() {
        String username = DemoUsers.newUser("selfverify");
        String token = DemoUsers.accessToken(username);

        GraphQL.updateMyAttributes(token, attribute("email", "other-" + username + "@example.net"), attribute("email_verified", "true"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", equalTo("Only an administrator may change email_verified"));

        me(token).body("data.me.userAttributes.find { it.name == 'email' }.value", equalTo(username + "@example.com"));
    }

    /** Changes the user's email to a new address and returns the code the emulator sent for it. */
    private static String changeEmail(String username, String token) {
        int codesBefore = VerificationCodes.countFor(username);
        GraphQL.updateMyAttributes(token, attribute("email", username + "@example.net"))
                .body("errors", nullValue())
                .body("data.updateMyAttributes.codeDeliveryDetailsList.attributeName", contains("email"))
                .body("data.updateMyAttributes.codeDeliveryDetailsList.deliveryMedium", contains("EMAIL"))
                // The demo pool does not keep original values: the new address is in effect at once, unverified.
                .body("data.updateMyAttributes.attributeOutcomes.status", contains("UPDATED_UNVERIFIED"));
        return VerificationCodes.nextFor(username, codesBefore);
    }

    private static ValidatableResponse verify(String token, String attributeName, String code) {
        return GraphQL.execute("verifyMyAttribute", Map.of("input", Map.of("attributeName", attributeName, "code", code)),
                token).statusCode(200);
    }

    private static ValidatableResponse me(String token) {
        return GraphQL.execute("me", token).statusCode(200).body("errors", nullValue());
    }
}
