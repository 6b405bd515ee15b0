package dev.attrgateway.execution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.StubGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * One request costs at most 10 Cognito calls however its document is written (each root field is one, each profile
 * a payload reads back one more), and no document, sent without a token, makes the gateway work long: every refusal
 * comes before Cognito is called (the stub counts).
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class FanOutBoundsTest {

    private static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    private static final String TOO_MANY =
            "An operation may make at most 10 Cognito calls: one per root field, and one per profile it selects";
    private static final String UPDATE =
            "updateMyAttributes(input: {userAttributes: [{name: \"nickname\", value: \"Al\"}]})";

    @InjectCognitoStub
    CognitoStub stub;

    static Stream<Arguments> elevenCallsWrittenEveryWay() {
        String resend = " resendMyAttributeVerificationCode(input: {attributeName: \"email\"}) { attributeName }";
        return Stream.of(
                Arguments.of("aliases", "{" + aliases("a", 0, 11) + " }", null),
                Arguments.of("aliases, operationName empty", "{" + aliases("a", 0, 11) + " }", ""),
                Arguments.of("aliases in a nested inline fragment", "{" + aliases("a", 0, 5)
                        + " ... on Query { ... {" + aliases("b", 0, 6) + " } } }", null),
                Arguments.of("named fragments", "fragment F on Query {" + aliases("f", 0, 6) + " } "
                        + "fragment G on Query { ...F" + aliases("g", 0, 5) + " } { ...G ...F }", null),
                Arguments.of("the named operation among others", "query Small { me { username } } query Big {"
                        + aliases("a", 0, 11) + " }", "Big"),
                Arguments.of("mutations that would each send a code", "mutation {" + IntStream.range(0, 11)
                        .mapToObj(i -> " r" + i + ":" + resend).collect(Collectors.joining()) + " }", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elevenCallsWrittenEveryWay")
    void elevenRootFieldsAreRefusedBeforeAnyCall(String how, String document, String operationName) {
        post(alice(), document, operationName).statusCode(400)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", equalTo(TOO_MANY));

        assertEquals(List.of(), stub.calls());
    }

    static Stream<Arguments> elevenCallsWithProfiles() {
        return Stream.of(
                Arguments.of("ten updates, each with its profile", "mutation {"
                        + updates(0, 10, "{ profile { id } }") + " }"),
                Arguments.of("six profiles in a named fragment", "mutation {" + updates(0, 6, "{ ...P }")
                        + " } fragment P on UpdateMyAttributesPayload { profile { id } }"),
                Arguments.of("profiles under aliases and in an inline fragment", "mutation {" + updates(0, 4,
                        "{ a: profile { id } ... on UpdateMyAttributesPayload { b: profile { id } } }") + " }"),
                Arguments.of("nine root fields and two profiles", "mutation {" + updates(0, 8, "{ __typename }")
                        + updates(8, 9, "{ a: profile { id } b: profile { id } }") + " }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elevenCallsWithProfiles")
    void eachProfileIsACallAndCountsBeforeAnyCall(String how, String document) {
        post(alice(), document, null).statusCode(400)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", equalTo(TOO_MANY));

        assertEquals(List.of(), stub.calls());
    }

    @Test
    void fiveUpdatesWithTheirProfilesRunAsTenCalls() {
        post(alice(), "mutation {" + updates(0, 5, "{ profile { id } }") + " }", null).statusCode(200)
                .body("errors", nullValue());

        assertEquals(5, stub.calls("UpdateUserAttributes").size());
        assertEquals(5, stub.calls("GetUser").size());
    }

    @Test
    void profilesMergedUnderOneKeyAreOneCall() {
        post(alice(), "mutation {" + updates(0, 8, "{ __typename }")
                + updates(8, 9, "{ profile { id } ...P profile { username } }")
                + " } fragment P on UpdateMyAttributesPayload { profile { email } }", null).statusCode(200)
                .body("errors", nullValue());

        assertEquals(9, stub.calls("UpdateUserAttributes").size());
        assertEquals(1, stub.calls("GetUser").size());
    }

    @Test
    void anOperationChecksOneVerificationCodeAtMost() {
        String verify = " verifyMyAttribute(input: {attributeName: \"email\", code: \"123456\"}) { verified }";
        for (String document : List.of("mutation { a:" + verify + " b:" + verify + " }",
                "mutation { ...V v2:" + verify + " } fragment V on Mutation { v1:" + verify + " }")) {
            post(alice(), document, null).statusCode(400)
                    .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                    .body("errors[0].message", equalTo("An operation may select verifyMyAttribute once"));
        }
        assertEquals(List.of(), stub.calls());

        post(alice(), "mutation {" + verify + " }", null).statusCode(200).body("errors", nullValue());
        assertEquals(1, stub.calls("VerifyUserAttribute").size());
    }

    @Test
    void tenRootFieldsRunAsTenCalls() {
        post(alice(), "{" + aliases("a", 0, 10) + " }", null).statusCode(200).body("errors", nullValue());

        assertEquals(10, stub.calls("GetUser").size());
    }

    @Test
    void onlyTheSelectedOperationCounts() {
        post(alice(), "query Small { me { username } } query Big {" + aliases("a", 0, 11) + " }", "Small")
                .statusCode(200).body("errors", nullValue());

        assertEquals(1, stub.calls("GetUser").size());
    }

    @Test
    void oneAliasRepeatedIsOneCall() {
        post(alice(), "{" + " a: me { username }".repeat(20) + " }", null).statusCode(200).body("errors", nullValue());

        assertEquals(1, stub.calls("GetUser").size());
    }

    /** Each fragment is walked once: a walk per spread took seconds here, and doubled with each fragment. */
    @Test
    @Timeout(60)
    void fragmentsThatDoubleAtEachStepCostLittleEvenWithoutAToken() {
        StringBuilder document = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < 28; i++) {
            document.append(" fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" a").append(i)
                    .append(": me { username } ...F").append(i + 1).append(" }");
        }
        document.append(" fragment F28 on Query { me { username } }");

        post(given(), document.toString(), null).statusCode(400)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", equalTo(TOO_MANY));

        assertEquals(List.of(), stub.calls());
    }

    @Test
    void aDocumentLongerThanTheLimitIsNotParsed() {
        post(given(), "{ me { username } }" + " ".repeat(4096), null).statusCode(400)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
                .body("errors[0].message", equalTo("The document is longer than the gateway accepts"));
        post(given(), "{" + " a: me { username }".repeat(110) + " }", null).statusCode(400)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
                .body("errors[0].message", equalTo("The document has more tokens than the gateway accepts"));

        assertEquals(List.of(), stub.calls());
    }

    private static String updates(int from, int to, String selection) {
        return IntStream.range(from, to).mapToObj(i -> " u" + i + ": " + UPDATE + " " + selection)
                .collect(Collectors.joining());
    }

    private static String aliases(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> " " + prefix + i + ": me { username }").collect(Collectors.joining());
    }

    private static RequestSpecification alice() {
        return GraphQL.request(DemoUsers.accessToken("alice"));
    }

    private static ValidatableResponse post(RequestSpecification request, String document, String operationName) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("query", document);
        if (operationName != null) {
            body.add("operationName", operationName);
        }
        return request.contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE_JSON).body(body.build().toString())
                .post("/graphql").then();
    }
}
