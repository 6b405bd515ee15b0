package dev.attrgateway.transport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.Json;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.StubGateway;
import graphql.introspection.IntrospectionQuery;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The GraphQL-over-HTTP specification's rules, as the contract's transport section states them. */
@QuarkusTest
@TestProfile(StubGateway.class)
class GraphQLOverHttpTest {

    private static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    private static final String ME = "{ me { username } }";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @InjectCognitoStub
    CognitoStub stub;

    @Test
    void theResponseTypeFollowsAccept() {
        post(alice().accept(ContentType.JSON), json(ME)).statusCode(200)
                .contentType(startsWith("application/json")).body("data.me.username", equalTo("stub-user"));
        post(alice().accept(GRAPHQL_RESPONSE_JSON), json(ME)).statusCode(200)
                .contentType(startsWith(GRAPHQL_RESPONSE_JSON));
        post(alice().accept("*/*"), json(ME)).statusCode(200).contentType(startsWith(GRAPHQL_RESPONSE_JSON));
        post(alice().accept("application/json;q=0.5, application/graphql-response+json"), json(ME))
                .contentType(startsWith(GRAPHQL_RESPONSE_JSON));
    }

    @Test
    void withoutAcceptTheResponseIsJson() throws Exception {
        // REST Assured always sends an Accept header; the JDK's client sends none.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + DemoUsers.accessToken("alice"))
                .POST(HttpRequest.BodyPublishers.ofString(json(ME))).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"data\":{\"me\":{\"username\":\"stub-user\"}}}", response.body());
    }

    @Test
    void anUnacceptableMediaTypeIs406() {
        post(alice().accept("text/html"), json(ME)).statusCode(406);
    }

    @Test
    void queriesWorkOverGet() {
        get(Map.of("query", ME)).statusCode(200).body("data.me.username", equalTo("stub-user"));
    }

    @Test
    void getSelectsTheNamedOperationAndKeepsParametersAsSent() {
        String document = "query A { me { username } } "
                + "query B($name: String!) { adminGetUser(username: $name) { username } }";
        given().header("Authorization", "Bearer " + DemoUsers.accessToken("admin")).accept(ContentType.JSON)
                .queryParam("query", document).queryParam("operationName", "B")
                .queryParam("variables", "{\"name\":\"a+b%20c\"}")
                .get("/graphql").then().statusCode(200).body("errors", nullValue())
                .body("data.adminGetUser.username", equalTo("stub-user"));

        assertEquals("a+b%20c", stub.calls("AdminGetUser").get(0).body().getString("Username"));
    }

    @Test
    void aMutationOverGetIsRefusedAndNotExecuted() {
        get(Map.of("query", "mutation { updateMyAttributes(input: {userAttributes: [{name: \"nickname\", value: \"x\"}]}) "
                + "{ codeDeliveryDetailsList { attributeName } } }"))
                .statusCode(405).header("Allow", "POST");

        assertEquals(List.of(), stub.calls());
    }

    @Test
    void otherMethodsAreRefused() {
        alice().contentType(ContentType.JSON).body(json(ME)).put("/graphql").then().statusCode(405);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs400() {
        assertBadRequest(post(alice(), "{not json"));
        assertBadRequest(post(alice(), "[" + json(ME) + "]"));
        assertBadRequest(post(alice(), ""));
    }

    @Test
    void aRequestWithoutAStringQueryIs400() {
        assertBadRequest(post(alice(), "{\"variables\":{}}"));
        assertBadRequest(post(alice(), "{\"query\":42}"));
        assertBadRequest(post(alice(), "{\"query\":\"" + ME + "\",\"variables\":\"x\"}"));
        assertBadRequest(get(Map.of("operationName", "A")));
        assertBadRequest(get(Map.of("query", ME, "variables", "not json")));
    }

    @Test
    void aKeyTwiceAtAnyLevelOfTheRequestIs400AndNothingRuns() {
        String mutation = "mutation { updateMyAttributes(input: {userAttributes: [{name: \\\"nickname\\\", value: \\\"x\\\"}]}) "
                + "{ codeDeliveryDetailsList { attributeName } } }";
        for (String body : List.of(
                "{\"query\":\"" + ME + "\",\"query\":\"" + mutation + "\"}",
                "{\"query\":\"query A { me { username } } mutation B { __typename }\",\"operationName\":\"A\","
                        + "\"operationName\":\"B\"}",
                "{\"query\":\"" + ME + "\",\"variables\":{\"input\":{\"a\":1,\"a\":2}}}",
                "{\"query\":\"" + ME + "\",\"extensions\":{\"x\":{\"y\":[{\"z\":1,\"z\":1}]}}}")) {
            assertBadRequest(post(alice(), body))
                    .body("errors[0].message", equalTo("The request body has a key twice in one object"));
        }
        assertBadRequest(get(Map.of("query", ME, "variables", "{\"a\":1,\"a\":2}")))
                .body("errors[0].message", equalTo("The parameter variables has a key twice in one object"));

        assertEquals(List.of(), stub.calls());
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIs415() {
        alice().contentType("text/plain").body(json(ME)).post("/graphql").then().statusCode(415);
    }

    @Test
    void graphiqlsDoubledContentTypeIsJsonStill() {
        alice().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .accept(ContentType.JSON).header("Content-Type", "application/json, application/json")
                .body(json(ME).getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(200).body("data.me.username", equalTo("stub-user"));
    }

    @Test
    void anUnparseableDocumentIs400ForGraphQLResponseJsonAnd200ForJson() {
        post(alice().accept(GRAPHQL_RESPONSE_JSON), json("{ me { username }")).statusCode(400)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
                .body("errors[0].locations[0].line", equalTo(1));
        post(alice().accept(ContentType.JSON), json("{ me { username }")).statusCode(200)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
    }

    @Test
    void anInvalidDocumentIs400ForGraphQLResponseJsonAnd200ForJson() {
        post(alice().accept(GRAPHQL_RESPONSE_JSON), json("{ me { password } }")).statusCode(400)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].extensions.retryable", equalTo(false));
        post(alice().accept(ContentType.JSON), json("{ me { password } }")).statusCode(200)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        assertEquals(List.of(), stub.calls());
    }

    @Test
    void aValidationErrorNamesTheFieldTypeOrArgumentAtFault() {
        post(alice().accept(ContentType.JSON), json("{ me { nope } }")).statusCode(200)
                .body("errors[0].message", equalTo("The document is not valid for the schema: "
                        + "Field 'nope' in type 'UserProfile' is undefined (at me/nope)"));
        post(alice().accept(ContentType.JSON), json("{ adminGetUser { username } }")).statusCode(200)
                .body("errors[0].message", equalTo("The document is not valid for the schema: "
                        + "Missing field argument 'username' (at adminGetUser)"));
        post(alice().accept(ContentType.JSON), json("{ me }")).statusCode(200)
                .body("errors[0].message", equalTo("The document is not valid for the schema: "
                        + "Subselection required for type 'UserProfile!' of field 'me' (at me)"));
        // A literal of the wrong type: graphql-java's words would quote it, so only the rule and the place are said.
        post(alice().accept(ContentType.JSON), json("{ adminGetUser(username: 12345) { username } }")).statusCode(200)
                .body("errors[0].message", equalTo("The document is not valid for the schema (WrongType) "
                        + "(at adminGetUser)"));
        assertEquals(List.of(), stub.calls());
    }

    @Test
    void fieldErrorsAre200WithNullData() {
        post(given().accept(GRAPHQL_RESPONSE_JSON), json(ME)).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTooLargeBodyIs413() throws Exception {
        // The gateway answers from the Content-Length and closes the connection without reading the body, so a
        // client that is still writing may see a broken pipe instead of the answer. Expect: 100-continue is how
        // a client avoids that race: the 413 comes before a byte of the body is sent.
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = http11.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/graphql"))
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + DemoUsers.accessToken("alice"))
                .POST(HttpRequest.BodyPublishers.ofString(json(ME + " # " + "x".repeat(300 * 1024)))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode());
        assertEquals(List.of(), stub.calls());
    }

    @Test
    void aTooDeepQueryIsRefused() {
        String deep = "{ __schema { types { fields { type" + " { ofType".repeat(12) + " { name }" + " }".repeat(12)
                + " } } } }";
        post(given().accept(ContentType.JSON), json(deep)).statusCode(200)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", startsWith("maximum query depth exceeded"));
    }

    @Test
    void aVeryComplexQueryIsRefused() {
        String wide = "{ __schema { types { " + IntStream.range(0, 120).mapToObj(i -> "n" + i + ": name")
                .collect(Collectors.joining(" ")) + " } } }";
        post(given().accept(ContentType.JSON), json(wide)).statusCode(200)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", startsWith("maximum query complexity exceeded"));
    }

    @Test
    void deeplyNestedJsonIsABadRequestNotAServerError() {
        String nested = "{\"query\":\"{ me { username } }\",\"variables\":{\"a\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}}";
        assertBadRequest(post(alice(), nested));
    }

    @Test
    void aBadlyEncodedQueryStringIsABadRequest() throws Exception {
        // No HTTP client sends a malformed escape, so the request goes out by hand. Vert.x refuses it
        // before any route sees it: a 400 without a GraphQL body, still the client's error.
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /graphql?query=%7Bme%zz HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
        }
    }

    @Test
    void aBodyThatIsNotUtf8Is400AndNothingRuns() {
        byte[] latin1 = json("mutation { updateMyAttributes(input: {userAttributes: [{name: \"name\", value: \"Zo\u00eb\"}]})"
                + " { codeDeliveryDetailsList { attributeName } } }").getBytes(StandardCharsets.ISO_8859_1);

        assertBadRequest(alice().contentType(ContentType.JSON).body(latin1).post("/graphql").then())
                .body("errors[0].message", equalTo("The request body is not valid UTF-8"));
        assertEquals(List.of(), stub.calls());
    }

    @Test
    void everyAnswerSaysNotToStoreItNorSniffItAndNamesItsRequest() {
        List<ValidatableResponse> answers = List.of(
                post(alice().accept(ContentType.JSON), json(ME)).statusCode(200),
                post(given().accept(ContentType.JSON), json(ME)).statusCode(200),
                post(alice(), "{not json").statusCode(400),
                post(alice().accept("text/html"), json(ME)).statusCode(406),
                alice().contentType("text/plain").body(json(ME)).post("/graphql").then().statusCode(415),
                alice().contentType(ContentType.JSON).body(json(ME)).put("/graphql").then().statusCode(405),
                get(Map.of("query", "mutation { verifyMyAttribute(input: {attributeName: \"email\", code: \"1\"}) "
                        + "{ verified } }")).statusCode(405));
        answers.forEach(answer -> answer.header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}")));
    }

    @Test
    void aPlainRequestIdIsKeptAndAnythingElseReplaced() {
        alice().header("X-Request-Id", "lb-1234.abc_DEF:9").accept(ContentType.JSON).contentType(ContentType.JSON)
                .body(json(ME)).post("/graphql").then().header("X-Request-Id", "lb-1234.abc_DEF:9");
        alice().header("X-Request-Id", "not plain; a=\"b\"").accept(ContentType.JSON).contentType(ContentType.JSON)
                .body(json(ME)).post("/graphql").then().header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void aTypeRefusedWithQZeroIsNotChosenThroughAWildcard() {
        post(alice().accept("application/graphql-response+json;q=0, */*"), json(ME)).statusCode(200)
                .contentType(startsWith("application/json"));
        post(alice().accept("application/graphql-response+json;q=0, application/json;q=0, */*"), json(ME))
                .statusCode(406);
    }

    @Test
    void introspectionNeedsNoToken() {
        post(given().accept(GRAPHQL_RESPONSE_JSON), json(IntrospectionQuery.INTROSPECTION_QUERY)).statusCode(200)
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", equalTo("Query"));
        given().get("/graphql/schema.graphql").then().statusCode(200);
    }

    private static RequestSpecification alice() {
        return GraphQL.request(DemoUsers.accessToken("alice"));
    }

    private static ValidatableResponse post(RequestSpecification request, String body) {
        return request.contentType(ContentType.JSON).body(body).post("/graphql").then();
    }

    private static ValidatableResponse get(Map<String, String> parameters) {
        return alice().accept(ContentType.JSON).queryParams(parameters).get("/graphql").then();
    }

    private static ValidatableResponse assertBadRequest(ValidatableResponse response) {
        return response.statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].extensions.retryable", equalTo(false));
    }

    private static String json(String query) {
        return Json.createObjectBuilder().add("query", query).build().toString();
    }
}
