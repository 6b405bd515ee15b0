package dev.attrgateway.users;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.PrometheusScrape;
import dev.attrgateway.support.StubGateway;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * The {@code profile} of the change payloads: read back from Cognito only when selected, after the change, with the
 * caller's token (GetUser) or on the pool and user acted on (AdminGetUser); a read that fails leaves the change's
 * answer in place. Against the stub, which counts the calls.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class PayloadProfileTest {

    private static final String PROFILE = " profile { id username email emailVerified phoneNumber }";

    @InjectCognitoStub
    CognitoStub stub;

    /** A change, how the test sends it and which Cognito calls make it and read its profile back. */
    record Change(String field, String document, Map<String, ?> variables, boolean admin, String write, String read) {

        ValidatableResponse send(String selection, String token) {
            return GraphQL.post(GraphQL.request(token), document.replace("PROFILE", selection), variables)
                    .statusCode(200);
        }

        @Override
        public String toString() {
            return field;
        }
    }

    static Stream<Change> changes() {
        return Stream.of(
                new Change("updateMyAttributes", "mutation($input: UpdateMyAttributesInput!) {"
                        + " updateMyAttributes(input: $input) { codeDeliveryDetailsList { attributeName }PROFILE } }",
                        Map.of("input", Map.of("userAttributes", List.of(GraphQL.attribute("name", "Ada")))), false,
                        "UpdateUserAttributes", "GetUser"),
                new Change("deleteMyAttributes", "mutation($input: DeleteMyAttributesInput!) {"
                        + " deleteMyAttributes(input: $input) { attributeNamesPROFILE } }",
                        Map.of("input", Map.of("attributeNames", List.of("nickname"))), false,
                        "DeleteUserAttributes", "GetUser"),
                new Change("verifyMyAttribute", "mutation($input: VerifyMyAttributeInput!) {"
                        + " verifyMyAttribute(input: $input) { verifiedPROFILE } }",
                        Map.of("input", Map.of("attributeName", "email", "code", "123456")), false,
                        "VerifyUserAttribute", "GetUser"),
                new Change("adminUpdateUserAttributes", "mutation($input: AdminUpdateUserAttributesInput!) {"
                        + " adminUpdateUserAttributes(input: $input) { usernamePROFILE } }",
                        Map.of("input", Map.of("userPoolId", StubGateway.ALLOWED_POOL, "username", "target",
                                "userAttributes", List.of(GraphQL.attribute("name", "Ada")))), true,
                        "AdminUpdateUserAttributes", "AdminGetUser"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void withoutProfileTheChangeIsOneCall(Change change) {
        change.send("", token(change)).body("errors", nullValue());

        assertEquals(List.of(change.write()), operations());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aSelectedProfileIsReadBackAfterTheChange(Change change) {
        String token = token(change);

        change.send(PROFILE, token).body("errors", nullValue())
                .body("data." + change.field() + ".profile.id", equalTo(CognitoStub.USER_SUB))
                .body("data." + change.field() + ".profile.username", equalTo("stub-user"))
                .body("data." + change.field() + ".profile.email", equalTo("stub@example.com"))
                .body("data." + change.field() + ".profile.emailVerified", equalTo(true))
                .body("data." + change.field() + ".profile.phoneNumber", nullValue());

        assertEquals(List.of(change.write(), change.read()), operations());
        CognitoStub.Call read = stub.calls(change.read()).get(0);
        if (change.admin()) {
            assertEquals(StubGateway.ALLOWED_POOL, read.body().getString("UserPoolId"), "the pool acted on");
            assertEquals("target", read.body().getString("Username"), "the user acted on");
        } else {
            assertEquals(token, read.body().getString("AccessToken"), "the caller's own token");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aProfileThatCannotBeReadLeavesTheChangesAnswer(Change change) {
        stub.always(change.read(), Reply.error(500, "InternalErrorException", "Internal"));

        change.send(PROFILE, token(change))
                .body("data." + change.field(), notNullValue())
                .body("data." + change.field() + ".profile", nullValue())
                .body("errors.size()", equalTo(1))
                .body("errors[0].path", equalTo(List.of(change.field(), "profile")))
                .body("errors[0].extensions.code", equalTo("INTERNAL_ERROR"))
                .body("errors[0].extensions.cognitoError", equalTo("InternalErrorException"))
                .body("errors[0].extensions.retryable", equalTo(true))
                .body("errors[0].extensions.outcome", nullValue());

        assertEquals(1, stub.calls(change.write()).size(), "the change, once");
        assertEquals(3, stub.calls(change.read()).size(), "the read, with its retries");
    }

    @Test
    void theReadBackIsAUserReadCallWithItsPermitAndItsMetric() {
        Change update = changes().findFirst().orElseThrow();
        String token = token(update);

        PrometheusScrape before = PrometheusScrape.now();
        update.send("", token).body("errors", nullValue());
        PrometheusScrape between = PrometheusScrape.now();
        update.send(PROFILE, token).body("errors", nullValue());
        PrometheusScrape after = PrometheusScrape.now();

        assertEquals(0, increase(before, between, "gateway_quota_permits_total", "category", "UserRead"));
        assertEquals(0, increase(before, between, "gateway_cognito_calls_seconds_count", "api", "GetUser"));
        assertEquals(1, increase(between, after, "gateway_quota_permits_total", "category", "UserRead"));
        assertEquals(1, increase(between, after, "gateway_cognito_calls_seconds_count", "api", "GetUser",
                "outcome", "OK"));
        assertEquals(1, increase(between, after, "gateway_quota_permits_total", "category", "UserUpdate"));
    }

    private List<String> operations() {
        return stub.calls().stream().map(CognitoStub.Call::operation).toList();
    }

    private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    /** A user's token, or for the admin change a machine token with the admin scope, which Cognito need not confirm. */
    private static String token(Change change) {
        String token = Tokens.ofNewUser("profile");
        return !change.admin() ? token : Tokens.withClaims(token, claims -> {
            claims.setClaim("scope", StubGateway.ADMIN_SCOPE);
            claims.unsetClaim("username");
            claims.setSubject("machine-" + UUID.randomUUID());
        });
    }
}
