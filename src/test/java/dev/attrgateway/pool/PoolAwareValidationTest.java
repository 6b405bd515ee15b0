package dev.attrgateway.pool;

import static dev.attrgateway.support.GraphQL.attribute;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.StubGateway;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Changes are checked against the configuration of the pool they run against, read once at start from the stub's
 * {@linkplain CognitoStub#standardPool standard pool}: email is verified with a code and kept until verified, phone
 * numbers are verified with a code and in effect at once, users sign in with their email. Each change reports what
 * became of each attribute, and an administrator cannot hand a verified sign-in address that another user holds to
 * someone else. The stub counts every Cognito call: none is made to check, and none per request to describe the pool.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class PoolAwareValidationTest {

    private static final String SECRET = "do-not-echo-";

    @InjectCognitoStub
    CognitoStub stub;

    @Test
    void everyRuleOfThePoolAUserBreaksIsReportedTogetherAndCognitoIsNotCalled() {
        List<Map<String, Object>> attributes = List.of(
                attribute("custom:unknown", SECRET + "a"),
                attribute("custom:badge", SECRET + "b"),
                attribute("custom:internal", SECRET + "c"),
                attribute("custom:role", SECRET + "r".repeat(30)),
                attribute("custom:level", "11"),
                attribute("birthdate", "1990-1-1"),
                attribute("family_name", null),
                attribute("email", SECRET + "not-an-address"),
                attribute("phone_number", "0123"),
                attribute("custom:department", "Research"));

        refused(GraphQL.execute("updateMyAttributes", Map.of("input", Map.of("userAttributes", attributes)),
                DemoUsers.accessToken("alice")))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("input.userAttributes[0].name", "is not an attribute of the user pool"),
                        violation("input.userAttributes[1].name", "is immutable in the user pool"),
                        violation("input.userAttributes[2].name",
                                "is developer-only: only an administrator may change it"),
                        violation("input.userAttributes[3].value", "must be at most 32 characters"),
                        violation("input.userAttributes[4].value", "must be a number from 1 to 10"),
                        violation("input.userAttributes[5].value", "must be 10 characters"),
                        violation("input.userAttributes[6].value",
                                "is required by the user pool and cannot be deleted"),
                        violation("input.userAttributes[7].value", "must be an e-mail address"),
                        violation("input.userAttributes[8].value", "must be + and 1 to 15 digits (E.164)")))
                .body(not(containsString(SECRET))).body(not(containsString("1990-1-1")));
        assertEquals(List.of(), stub.calls(), "Cognito was called");
    }

    @Test
    void aUserCannotDeleteWhatThePoolRequiresOrNeverChanges() {
        refused(GraphQL.execute("deleteMyAttributes", Map.of("input", Map.of("attributeNames",
                List.of("family_name", "custom:badge", "custom:unknown", "nickname"))), DemoUsers.accessToken("alice")))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("input.attributeNames[0]", "is required by the user pool and cannot be deleted"),
                        violation("input.attributeNames[1]", "is immutable in the user pool"),
                        violation("input.attributeNames[2]", "is not an attribute of the user pool")));
        assertEquals(List.of(), stub.calls(), "Cognito was called");
    }

    @Test
    void anAdministratorMayWriteDeveloperOnlyAttributesButNotBreakTheSchema() {
        String token = machineToken();
        refused(adminUpdate(token, "target", attribute("custom:badge", "x"), attribute("family_name", ""),
                attribute("custom:level", "zero"), attribute("email", "x@")))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("input.userAttributes[0].name", "is immutable in the user pool"),
                        violation("input.userAttributes[1].value",
                                "is required by the user pool and cannot be deleted"),
                        violation("input.userAttributes[2].value", "must be a number"),
                        violation("input.userAttributes[3].value", "must be an e-mail address")));
        assertEquals(List.of(), stub.calls(), "Cognito was called");

        adminUpdate(token, "target", attribute("custom:internal", "x"))
                .body("errors", nullValue())
                .body("data.adminUpdateUserAttributes.attributeOutcomes.status", contains("UPDATED"));
        assertEquals(List.of("AdminUpdateUserAttributes"), operations(), "the Cognito calls");
    }

    @Test
    void aUsersChangeSaysPerAttributeWhetherItIsInEffectPendingOrUnchanged() {
        stub.next("UpdateUserAttributes", Reply.success(new JsonObject().put("CodeDeliveryDetailsList", new JsonArray()
                .add(delivery("email", "EMAIL", "n***@e***.com"))
                .add(delivery("phone_number", "SMS", "+*******4567"))).encode()));
        String token = DemoUsers.accessToken("alice");

        GraphQL.updateMyAttributes(token, attribute("nickname", "Al"), attribute("email", "new@example.com"),
                attribute("phone_number", "+15551234567"), attribute("name", null))
                .body("errors", nullValue())
                .body("data.updateMyAttributes.attributeOutcomes.name",
                        contains("nickname", "email", "phone_number", "name"))
                .body("data.updateMyAttributes.attributeOutcomes.status",
                        contains("UPDATED", "PENDING_VERIFICATION", "UPDATED_UNVERIFIED", "DELETED"));
        // No code for an auto-verified attribute: the user already had that value.
        GraphQL.updateMyAttributes(token, attribute("email", "alice@example.com"))
                .body("errors", nullValue())
                .body("data.updateMyAttributes.attributeOutcomes.status", contains("UNCHANGED"));

        assertEquals(List.of("UpdateUserAttributes", "UpdateUserAttributes"), operations(), "the Cognito calls");
    }

    @Test
    void anAdministratorsChangeIsPendingWhereThePoolKeepsTheValueAndNoFlagMarksItVerified() {
        String token = machineToken();

        adminUpdate(token, "target", attribute("email", "new@example.com"), attribute("phone_number", "+15551234567"),
                attribute("nickname", null), attribute("custom:role", "editor"))
                .body("errors", nullValue())
                .body("data.adminUpdateUserAttributes.attributeOutcomes.status",
                        contains("PENDING_VERIFICATION", "UPDATED", "DELETED", "UPDATED"));
        assertEquals(List.of("AdminUpdateUserAttributes"), operations(), "the Cognito calls");
    }

    @Test
    void anAddressNobodySignsInWithIsMarkedVerified() {
        stub.next("AdminGetUser", Reply.error(400, "UserNotFoundException", "User does not exist."));

        adminUpdate(machineToken(), "target", attribute("email", "free@example.com"),
                attribute("email_verified", "true"))
                .body("errors", nullValue())
                .body("data.adminUpdateUserAttributes.attributeOutcomes.status", contains("UPDATED", "UPDATED"));

        assertEquals(List.of("AdminGetUser", "AdminUpdateUserAttributes"), operations(), "the Cognito calls");
        assertEquals("free@example.com", stub.calls("AdminGetUser").get(0).body().getString("Username"),
                "who signs in with the address is asked by the address");
    }

    @Test
    void anAddressAnotherUserSignsInWithIsNotHandedOver() {
        String username = "target-" + UUID.randomUUID().toString().substring(0, 8);
        stub.next("AdminGetUser", Reply.success(user("someone-else", "taken@example.com")),
                Reply.success(user(username, "old@example.com")));

        adminUpdate(machineToken(), username, attribute("email", "taken@example.com"),
                attribute("email_verified", "true"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("ALIAS_EXISTS"))
                .body("errors[0].extensions.conflict", equalTo(true))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].extensions.cognitoError", nullValue())
                .body(not(containsString("someone-else"))).body(not(containsString("taken@example.com")));

        assertEquals(List.of("AdminGetUser", "AdminGetUser"), operations(), "the Cognito calls");
        assertEquals(List.of("taken@example.com", username), stub.calls("AdminGetUser").stream()
                .map(call -> call.body().getString("Username")).toList(), "who was looked up");
    }

    @Test
    void markingTheCurrentAddressVerifiedChecksWhoElseSignsInWithIt() {
        String username = "target-" + UUID.randomUUID().toString().substring(0, 8);
        stub.next("AdminGetUser", Reply.success(user(username, "shared@example.com")),
                Reply.success(user("someone-else", "shared@example.com")));

        adminUpdate(machineToken(), username, attribute("email_verified", "true"))
                .body("errors[0].extensions.code", equalTo("ALIAS_EXISTS"))
                .body("errors[0].extensions.conflict", equalTo(true));

        assertEquals(List.of(username, "shared@example.com"), stub.calls("AdminGetUser").stream()
                .map(call -> call.body().getString("Username")).toList(), "who was looked up");
        assertEquals(0, stub.calls("AdminUpdateUserAttributes").size(), "AdminUpdateUserAttributes");
    }

    @Test
    void aVerifiedPhoneNumberNobodySignsInWithNeedsNoLookUp() {
        adminUpdate(machineToken(), "target", attribute("phone_number", "+15551234567"),
                attribute("phone_number_verified", "true"))
                .body("errors", nullValue());

        assertEquals(List.of("AdminUpdateUserAttributes"), operations(), "the Cognito calls");
    }

    @Test
    void theAttributeDefinitionsComeFromThePoolAndTheCallersRightsWithoutACognitoCall() {
        String token = DemoUsers.accessToken("alice");

        for (int i = 0; i < 3; i++) {
            ValidatableResponse answer = GraphQL.execute("attributeDefinitions", token).statusCode(200)
                    .body("errors", nullValue());
            definition(answer, "email", "type", "STRING", "required", false, "mutable", true, "writable", true,
                    "verifiedByCode", true, "keptUntilVerified", true, "minLength", 0, "maxLength", 2048);
            definition(answer, "phone_number", "verifiedByCode", true, "keptUntilVerified", false, "writable", true);
            definition(answer, "email_verified", "type", "BOOLEAN", "writable", false, "minLength", null);
            definition(answer, "family_name", "required", true, "writable", true, "verifiedByCode", false);
            definition(answer, "custom:internal", "mutable", true, "writable", false);
            definition(answer, "custom:badge", "mutable", false, "writable", false);
            definition(answer, "custom:level", "type", "NUMBER", "writable", true, "maxLength", null);
            definition(answer, "custom:role", "maxLength", 32);
        }

        assertEquals(List.of(), stub.calls(), "Cognito was called");
        GraphQL.execute("attributeDefinitions", null).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    private static void definition(ValidatableResponse answer, String name, Object... fieldsAndValues) {
        String path = "data.attributeDefinitions.find { it.name == '" + name + "' }.";
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            answer.body(path + fieldsAndValues[i], equalTo(fieldsAndValues[i + 1]));
        }
    }

    private List<String> operations() {
        return stub.calls().stream().map(CognitoStub.Call::operation).toList();
    }

    /** The admin change without its {@code profile}, which would add a read to the calls these tests count. */
    private static final String ADMIN_UPDATE = "mutation AdminUpdate($input: AdminUpdateUserAttributesInput!) "
            + "{ adminUpdateUserAttributes(input: $input) { username attributeOutcomes { name status } } }";

    @SafeVarargs
    private static ValidatableResponse adminUpdate(String token, String username, Map<String, Object>... attributes) {
        return GraphQL.post(GraphQL.request(token), ADMIN_UPDATE, Map.of("input", Map.of("username", username,
                "userAttributes", Arrays.asList(attributes)))).statusCode(200);
    }

    private static ValidatableResponse refused(ValidatableResponse response) {
        return response.statusCode(200).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    private static Map<String, String> violation(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static JsonObject delivery(String attribute, String medium, String destination) {
        return new JsonObject().put("AttributeName", attribute).put("DeliveryMedium", medium)
                .put("Destination", destination);
    }

    private static String user(String username, String email) {
        return new JsonObject().put("Username", username).put("Enabled", true).put("UserStatus", "CONFIRMED")
                .put("UserAttributes", new JsonArray()
                        .add(new JsonObject().put("Name", "email").put("Value", email))
                        .add(new JsonObject().put("Name", "email_verified").put("Value", "true"))).encode();
    }

    /** A machine token with the admin scope: an administrator whose rights need no confirmation call. */
    static String machineToken() {
        return Tokens.withClaims(DemoUsers.accessToken("alice"), claims -> {
            claims.setClaim("scope", StubGateway.ADMIN_SCOPE);
            claims.unsetClaim("username");
            claims.setSubject("machine-" + UUID.randomUUID());
            claims.setJwtId(UUID.randomUUID().toString());
        });
    }
}
