package dev.attrgateway.attributes;

import static dev.attrgateway.support.GraphQL.attribute;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.StubGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Input that breaks a constraint is refused with BAD_USER_INPUT listing every violation, and Cognito
 * (here a stub that counts calls) receives nothing.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class InputValidationTest {

    private static final String SECRET = "do-not-echo-";

    @InjectCognitoStub
    CognitoStub stub;

    @AfterEach
    void cognitoReceivedNothing() {
        assertEquals(List.of(), stub.calls(), "Cognito was called");
    }

    @Test
    void everyViolationOfAnUpdateIsReportedTogether() {
        List<Map<String, Object>> metadata = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            metadata.add(Map.of("key", "k" + i, "value", "v"));
        }
        metadata.add(Map.of("key", "", "value", SECRET + "x".repeat(2048)));
        metadata.add(Map.of("key", "k1", "value", "again"));
        Map<String, Object> input = Map.of(
                "userAttributes", List.of(
                        attribute("", "x"),
                        attribute("has space", "x"),
                        attribute("custom:" + "d".repeat(26), "x"),
                        attribute("email", SECRET + "@" + "e".repeat(2048)),
                        attribute("email", "other@example.com")),
                "clientMetadata", metadata);

        refused(GraphQL.execute("updateMyAttributes", Map.of("input", input), DemoUsers.accessToken("alice")))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("input.userAttributes[0].name", "must be 1 to 32 characters"),
                        violation("input.userAttributes[1].name", "must match [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"),
                        violation("input.userAttributes[2].name", "must be 1 to 32 characters"),
                        violation("input.userAttributes[3].value", "must be at most 2048 characters"),
                        violation("input.userAttributes[4].name", "repeats the attribute of input.userAttributes[3]"),
                        violation("input.clientMetadata", "must have at most 20 entries"),
                        violation("input.clientMetadata[20].key", "must be 1 to 128 characters"),
                        violation("input.clientMetadata[20].value", "must be at most 2048 characters"),
                        violation("input.clientMetadata[21].key", "repeats the key of input.clientMetadata[1]")))
                .body(not(containsString(SECRET)));
    }

    @Test
    void anySpellingOfAnAttributeOnlyAnAdministratorMayChangeIsForbidden() {
        String token = DemoUsers.accessToken("alice");
        for (String name : List.of("Email_Verified", "EMAIL_VERIFIED", "Phone_Number_Verified", "email_verifieD")) {
            GraphQL.execute("updateMyAttributes", Map.of("input", Map.of("userAttributes",
                    List.of(attribute("nickname", "Al"), attribute(name, "true")))), token)
                    .statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("errors[0].message", equalTo("Only an administrator may change " + name));
        }
    }

    @Test
    void aDeletionNamesSomeAttributesEachOnceAndNoneOnlyAnAdministratorMayChange() {
        String token = DemoUsers.accessToken("alice");
        refused(GraphQL.execute("deleteMyAttributes", Map.of("input", Map.of("attributeNames",
                List.of("nickname", "has space", "nickname"))), token))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("input.attributeNames[1]", "must match [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"),
                        violation("input.attributeNames[2]", "repeats the name of input.attributeNames[0]")));
        refused(GraphQL.execute("deleteMyAttributes", Map.of("input", Map.of("attributeNames", List.of())), token))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("input.attributeNames", "must name at least one attribute")));
        GraphQL.execute("deleteMyAttributes", Map.of("input", Map.of("attributeNames",
                List.of("nickname", "Email_Verified"))), token).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", equalTo("Only an administrator may change Email_Verified"));
    }

    @Test
    void anUpdateNeedsAtLeastOneAttribute() {
        refused(GraphQL.execute("updateMyAttributes", Map.of("input", Map.of("userAttributes", List.of())),
                DemoUsers.accessToken("alice")))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("input.userAttributes", "must name at least one attribute")));
    }

    @Test
    void anUpdateNamesAtMostFiftyAttributes() {
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            attributes.add(attribute("custom:a" + i, "v"));
        }
        refused(GraphQL.execute("updateMyAttributes", Map.of("input", Map.of("userAttributes", attributes)),
                DemoUsers.accessToken("alice")))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("input.userAttributes", "must name at most 50 attributes")));
    }

    @Test
    void anAdminUpdateChecksPoolAndUsernameToo() {
        Map<String, Object> input = Map.of(
                "userPoolId", "no-separator",
                "username", "john doe",
                "userAttributes", List.of(attribute("custom:role", "x")));

        refused(GraphQL.execute("adminUpdateUserAttributes", Map.of("input", input), DemoUsers.accessToken("admin")))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("input.userPoolId", "must match [\\w-]+_[0-9a-zA-Z]+"),
                        violation("input.username", "must match [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+")));
    }

    @Test
    void adminGetUserChecksItsArguments() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("userPoolId", "eu-west-1_" + "a".repeat(50));
        variables.put("username", "u".repeat(129));

        refused(GraphQL.execute("adminGetUser", variables, DemoUsers.accessToken("admin")))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("userPoolId", "must be 1 to 55 characters"),
                        violation("username", "must be 1 to 128 characters")));
    }

    @Test
    void verificationNeedsAnAttributeNameAndAWellFormedCode() {
        refused(GraphQL.execute("verifyMyAttribute", Map.of("input", Map.of("attributeName", "", "code", "12 34")),
                DemoUsers.accessToken("alice")))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("input.attributeName", "must be 1 to 32 characters"),
                        violation("input.code", "must match \\S+")));
    }

    @Test
    void resendChecksTheAttributeName() {
        refused(GraphQL.execute("resendMyAttributeVerificationCode",
                Map.of("input", Map.of("attributeName", "e\tmail")), DemoUsers.accessToken("alice")))
                .body("errors[0].extensions.violations", containsInAnyOrder(
                        violation("input.attributeName", "must match [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+")));
    }

    @Test
    void aMissingRequiredFieldFailsValidationBeforeExecution() {
        GraphQL.execute("updateMyAttributes", Map.of("input", Map.of("userAttributes", List.of(attribute(null, "x")))),
                DemoUsers.accessToken("alice"))
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].extensions.retryable", equalTo(false));
    }

    @Test
    void documentErrorsNeverQuoteTheValuesWritten() {
        String token = DemoUsers.accessToken("alice");
        List<String> documents = List.of(
                "mutation { verifyMyAttribute(input: {code: \"" + SECRET + "1\"}) { verified } }",
                "mutation { updateMyAttributes(input: {userAttributes: [{name: \"name\", value: \"" + SECRET
                        + "2\", extra: 1}]}) { codeDeliveryDetailsList { attributeName } } }",
                "mutation { updateMyAttributes(input: {userAttributes: [{name: \"name\", value: [\"\"\"" + SECRET
                        + "3\nline\"\"\"]}]}) { codeDeliveryDetailsList { attributeName } } }",
                "mutation { updateMyAttributes(input: {userAttributes: [{name: \"name\", value: \"" + SECRET
                        + "4\" \"x\"}]}) { codeDeliveryDetailsList { attributeName } } }",
                // An unterminated string: the lexer's own message would quote the rest of the document.
                "mutation { verifyMyAttribute(input: {attributeName: \"email\", code: \"" + SECRET + "5 }) { verified } }",
                "mutation { verifyMyAttribute(input: {attributeName: \"email\", code: \"\"\"" + SECRET + "6 ");
        for (String document : documents) {
            GraphQL.post(GraphQL.request(token), document, Map.of()).statusCode(200)
                    .body("errors[0].extensions.code", org.hamcrest.Matchers.startsWith("GRAPHQL_"))
                    .body(not(containsString(SECRET)));
        }
    }

    @Test
    void variablesOfTheWrongShapeAreRefusedWithoutNamingAJavaClassOrQuotingThem() {
        String token = DemoUsers.accessToken("alice");
        List<Map<String, Object>> variables = List.of(
                Map.of("input", Map.of("userAttributes", SECRET + "not-a-list")),
                Map.of("input", Map.of("userAttributes", List.of(Map.of("name", List.of(SECRET + "x"))))),
                Map.of("input", List.of(SECRET + "y")),
                Map.of("input", Map.of("userAttributes", List.of(attribute("name", "x")), "extra", SECRET + "z")));
        for (Map<String, Object> input : variables) {
            GraphQL.post(GraphQL.request(token), GraphQL.operation("updateMyAttributes"), input).statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                    .body("errors[0].message", not(containsString("java")))
                    .body("errors[0].message", not(containsString("List")))
                    .body("errors[0].message", not(containsString("Map")))
                    .body(not(containsString(SECRET)));
        }
    }

    @Test
    void unicodeNamesWithinTheLimitsAreAccepted() {
        stub.reset();
        GraphQL.execute("adminGetUser", Map.of("username", "zoë.ñandú+test@example.com"), DemoUsers.accessToken("admin"))
                .body("errors", nullValue());
        assertEquals("zoë.ñandú+test@example.com",
                stub.calls("AdminGetUser").get(0).body().getString("Username"));
        stub.reset();
    }

    private static ValidatableResponse refused(ValidatableResponse response) {
        return response.statusCode(200)
                .body("data", nullValue())
                .body("errors.size()", equalTo(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].extensions.violations.field", not(hasItem(nullValue())));
    }

    private static Map<String, String> violation(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
