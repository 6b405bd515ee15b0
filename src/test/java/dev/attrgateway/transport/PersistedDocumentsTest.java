package dev.attrgateway.transport;

import static dev.attrgateway.support.GraphQL.persistedQuery;
import static dev.attrgateway.support.GraphQL.persistedQueryExtensions;
import static dev.attrgateway.support.GraphQL.sha256;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.PrometheusScrape;
import dev.attrgateway.support.StubGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Documents named instead of sent: Apollo's automatic persisted queries (on by default) as Apollo's PersistedQueryLink
 * and urql's persistedExchange use them, and the GraphQL-over-HTTP {@code documentId} of the trusted list.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class PersistedDocumentsTest {

    private static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

    @InjectCognitoStub
    CognitoStub stub;

    @Test
    void anUnknownHashAloneIsNotFoundInTheWordsApollosAndUrqlsClientsRetryOn() {
        String hash = sha256(newQuery());
        PrometheusScrape before = PrometheusScrape.now();

        post(alice(), persistedQuery(null, hash)).statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                .body("data", nullValue())
                .body("errors[0].message", equalTo("PersistedQueryNotFound"))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"))
                .body("errors[0].extensions.retryable", equalTo(false));
        // Without data, graphql-response+json is a 4xx; both clients read the error from its body all the same.
        post(alice().accept(GRAPHQL_RESPONSE_JSON), persistedQuery(null, hash)).statusCode(400)
                .body("errors[0].message", equalTo("PersistedQueryNotFound"));

        assertEquals(List.of(), stub.calls());
        assertEquals(2, PrometheusScrape.now().value("gateway_graphql_requests_seconds_count", "operation", "none",
                "outcome", "PERSISTED_QUERY_NOT_FOUND") - before.value("gateway_graphql_requests_seconds_count",
                "operation", "none", "outcome", "PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void aQuerySentWithItsHashRunsAndThenRunsByTheHashAlone() {
        String query = newQuery();
        String hash = sha256(query);

        post(alice(), persistedQuery(query, hash)).statusCode(200).body("data.me.username", equalTo("stub-user"));
        assertEquals(1, stub.calls("GetUser").size());
        post(alice(), persistedQuery(null, hash)).statusCode(200).body("errors", nullValue())
                .body("data.me.username", equalTo("stub-user"));
        assertEquals(2, stub.calls("GetUser").size());
    }

    @Test
    void thousandsOfDistinctHashesKeepNoMoreThanSmallRyesBoundOfDocuments() {
        int smallRyesDefaultBound = 2048;
        List<String> hashes = IntStream.range(0, smallRyesDefaultBound + 500).mapToObj(i -> {
            String query = "query Distinct" + i + " { __typename }";
            String hash = sha256(query);
            post(given(), persistedQuery(query, hash)).statusCode(200).body("data.__typename", equalTo("Query"));
            return hash;
        }).toList();

        long stillKnown = hashes.stream().filter(hash -> post(given().accept(ContentType.JSON),
                persistedQuery(null, hash)).statusCode(200).extract().path("errors") == null).count();
        assertTrue(stillKnown <= smallRyesDefaultBound, stillKnown + " documents kept");
        assertEquals(List.of(), stub.calls());
    }

    @Test
    void urqlsRetryAfterAMissIsAcceptedAsItIs() {
        // urql's persistedExchange sends the query again with persistedQuery.miss set.
        String query = newQuery();
        String hash = sha256(query);
        JsonObject body = Json.createObjectBuilder().add("query", query).add("extensions", Json.createObjectBuilder()
                .add("persistedQuery", Json.createObjectBuilder().add("version", 1).add("sha256Hash", hash)
                        .add("miss", true))).build();

        post(alice(), body).statusCode(200).body("data.me.username", equalTo("stub-user"));
        post(alice(), persistedQuery(null, hash)).statusCode(200).body("data.me.username", equalTo("stub-user"));
    }

    @Test
    void aHashThatIsNotTheQuerysIs400NothingRunsAndNothingIsRegistered() {
        String query = newQuery();
        String otherHash = sha256(newQuery());

        assertBadRequest(post(alice(), persistedQuery(query, otherHash)))
                .body("errors[0].message", equalTo("extensions.persistedQuery.sha256Hash is not the SHA-256 hash of "
                        + "the query"))
                .body(not(containsString("username")));
        post(alice(), persistedQuery(null, otherHash))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        assertEquals(List.of(), stub.calls());
    }

    @Test
    void aDocumentThatDoesNotRunIsNotRegistered() {
        // Too long for the parser: a cache entry is never longer than gateway.limits.document-characters.
        String tooLong = newQuery() + " #" + "x".repeat(5000);
        String unparseable = newQuery().replace("}", "");
        for (String query : List.of(tooLong, unparseable)) {
            post(alice(), persistedQuery(query, sha256(query))).statusCode(200)
                    .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
            post(alice(), persistedQuery(null, sha256(query))).statusCode(200)
                    .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        }
    }

    @Test
    void aMalformedPersistedQueryExtensionIs400() {
        String query = newQuery();
        String hash = sha256(query);
        for (JsonObjectBuilder persistedQuery : List.of(
                Json.createObjectBuilder().add("version", 2).add("sha256Hash", hash),
                Json.createObjectBuilder().add("version", "1").add("sha256Hash", hash),
                Json.createObjectBuilder().add("sha256Hash", hash),
                Json.createObjectBuilder().add("version", 1).add("sha256Hash", hash.toUpperCase()),
                Json.createObjectBuilder().add("version", 1).add("sha256Hash", hash.substring(1)),
                Json.createObjectBuilder().add("version", 1).add("sha256Hash", 42),
                Json.createObjectBuilder().add("version", 1))) {
            assertBadRequest(post(alice(), Json.createObjectBuilder().add("query", query).add("extensions",
                    Json.createObjectBuilder().add("persistedQuery", persistedQuery)).build()));
        }
        assertBadRequest(post(alice(), Json.createObjectBuilder().add("query", query).add("extensions",
                Json.createObjectBuilder().add("persistedQuery", "x")).build()));
        assertBadRequest(alice().queryParam("extensions", "{\"persistedQuery\":{\"version\":1,"
                + "\"sha256Hash\":\"abc\"}}").get("/graphql").then());
        assertEquals(List.of(), stub.calls());
    }

    @Test
    void queriesRunByHashOverGet() {
        String query = newQuery();
        String hash = sha256(query);

        get(Map.of("extensions", persistedQueryExtensions(hash).toString())).statusCode(200)
                .body("errors[0].message", equalTo("PersistedQueryNotFound"));
        // A client that stays on GET sends the query with the hash; Apollo's goes back to POST.
        get(Map.of("query", query, "extensions", persistedQueryExtensions(hash).toString())).statusCode(200)
                .body("data.me.username", equalTo("stub-user"));
        get(Map.of("extensions", persistedQueryExtensions(hash).toString())).statusCode(200)
                .body("data.me.username", equalTo("stub-user"));
        assertEquals(2, stub.calls("GetUser").size());
    }

    @Test
    void aMutationNamedByHashOverGetIs405AndNotExecuted() {
        String mutation = "mutation Apq" + UUID.randomUUID().toString().replace("-", "") + " { updateMyAttributes("
                + "input: {userAttributes: [{name: \"nickname\", value: \"x\"}]}) { codeDeliveryDetailsList { "
                + "attributeName } } }";
        String hash = sha256(mutation);
        // Registered by a run without a token, which stops at the resolver, before Cognito.
        post(GraphQL.request(null).accept(ContentType.JSON), persistedQuery(mutation, hash)).statusCode(200)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        get(Map.of("extensions", persistedQueryExtensions(hash).toString())).statusCode(405).header("Allow", "POST");
        get(Map.of("documentId", "sha256:" + sha256(GraphQL.operation("updateMyAttributes")),
                "variables", GraphQL.exampleVariables("updateMyAttributes"))).statusCode(405).header("Allow", "POST");
        assertEquals(List.of(), stub.calls());
    }

    @Test
    void aDocumentIdNamesADocumentOfTheTrustedList() {
        String documentId = "sha256:" + sha256(GraphQL.operation("me"));

        post(alice(), Json.createObjectBuilder().add("documentId", documentId).build()).statusCode(200)
                .body("errors", nullValue()).body("data.me.username", equalTo("stub-user"));
        get(Map.of("documentId", documentId)).statusCode(200).body("data.me.username", equalTo("stub-user"));
        // A listed document also runs by its hash alone, never sent before.
        post(alice(), persistedQuery(null, sha256(GraphQL.operation("me")))).statusCode(200)
                .body("data.me.username", equalTo("stub-user"));
        assertEquals(3, stub.calls("GetUser").size());
    }

    @Test
    void aDocumentIdOffTheListIsNotFoundEvenOnceItsQueryIsRegistered() {
        String query = newQuery();
        post(alice(), persistedQuery(query, sha256(query))).statusCode(200)
                .body("data.me.username", equalTo("stub-user"));

        post(alice(), Json.createObjectBuilder().add("documentId", "sha256:" + sha256(query)).build()).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        assertEquals(1, stub.calls().size());
    }

    @Test
    void aMalformedOrAmbiguousDocumentIdIs400() {
        String hash = sha256(GraphQL.operation("me"));
        for (JsonObject body : List.of(
                Json.createObjectBuilder().add("documentId", hash).build(),
                Json.createObjectBuilder().add("documentId", "sha1:" + hash).build(),
                Json.createObjectBuilder().add("documentId", "sha256:" + hash.toUpperCase()).build(),
                Json.createObjectBuilder().add("documentId", 42).build(),
                Json.createObjectBuilder().add("documentId", "sha256:" + hash).add("query", GraphQL.operation("me"))
                        .build(),
                Json.createObjectBuilder().add("documentId", "sha256:" + hash)
                        .add("extensions", persistedQueryExtensions(hash)).build())) {
            assertBadRequest(post(alice(), body));
        }
        assertBadRequest(get(Map.of("documentId", "me")));
        assertEquals(List.of(), stub.calls());
    }

    /** A query no other test sends: its hash is registered nowhere yet. */
    private static String newQuery() {
        return "query Apq" + UUID.randomUUID().toString().replace("-", "") + " { me { username } }";
    }

    /** Alice's request for application/json, where a response without data is a 200 still. */
    private static RequestSpecification alice() {
        return GraphQL.request(DemoUsers.accessToken("alice")).accept(ContentType.JSON);
    }

    private static ValidatableResponse post(RequestSpecification request, JsonObject body) {
        return request.contentType(ContentType.JSON).body(body.toString()).post("/graphql").then();
    }

    private static ValidatableResponse get(Map<String, String> parameters) {
        return alice().queryParams(parameters).get("/graphql").then();
    }

    private static ValidatableResponse assertBadRequest(ValidatableResponse response) {
        return response.statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].extensions.retryable", equalTo(false));
    }
}
