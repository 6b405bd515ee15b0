package dev.attrgateway.transport;

import static dev.attrgateway.support.GraphQL.persistedQuery;
import static dev.attrgateway.support.GraphQL.sha256;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import dev.attrgateway.ops.WarmUp;
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
 * {@code gateway.documents.trusted=true}: only the documents of graphql/operations and of the operator's manifest run,
 * whether sent as text, by persisted-query hash or by documentId; any other is refused before it is parsed, and
 * Cognito never hears of it.
 */
@QuarkusTest
@TestProfile(TrustedModeTest.TrustedOnly.class)
class TrustedModeTest {

    /** The operator's manifest holds this document, which graphql/operations does not. */
    static final String OPERATOR_DOCUMENT = "query OperatorListed { me { username } }";
    private static final String UNLISTED = "{ me { username } }";
    private static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

    public static class TrustedOnly extends StubGateway {

        static final Path MANIFEST = Path.of("target/operator-persisted-documents.json");

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                // Keyed as graphql-codegen's client preset writes it.
                Files.writeString(MANIFEST, Json.createObjectBuilder().add("sha256:" + sha256(OPERATOR_DOCUMENT),
                        OPERATOR_DOCUMENT)
                        .build().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("gateway.documents.trusted", "true");
            overrides.put("gateway.documents.manifest", MANIFEST.toString());
            return overrides;
        }
    }

    @InjectCognitoStub
    CognitoStub stub;

    @Test
    void theListedOperationsRunAsTextByDocumentIdAndByHash() {
        GraphQL.execute("me", DemoUsers.accessToken("alice")).statusCode(200).body("errors", nullValue())
                .body("data.me.username", equalTo("stub-user"));
        String hash = sha256(GraphQL.operation("me"));
        post(Json.createObjectBuilder().add("documentId", "sha256:" + hash).build()).statusCode(200)
                .body("data.me.username", equalTo("stub-user"));
        post(persistedQuery(null, hash)).statusCode(200).body("data.me.username", equalTo("stub-user"));
        post(persistedQuery(GraphQL.operation("me"), hash)).statusCode(200)
                .body("data.me.username", equalTo("stub-user"));
        alice().queryParam("documentId", "sha256:" + hash).get("/graphql").then().statusCode(200)
                .body("data.me.username", equalTo("stub-user"));

        assertEquals(5, stub.calls("GetUser").size());
    }

    @Test
    void theWarmUpsDocumentsRunSoThatItWarmsTheEngine() {
        for (String document : WarmUp.DOCUMENTS) {
            post(Json.createObjectBuilder().add("query", document).build()).statusCode(200)
                    .body("errors[0].extensions.code", not(equalTo("PERSISTED_QUERY_NOT_IN_LIST")));
        }
    }

    @Test
    void theOperationsAsTheTypedClientPrintsThemRunToo() throws IOException {
        JsonObject codegen;
        try (var reader = Json.createReader(Files.newBufferedReader(
                Path.of("graphql/client/src/generated/persisted-documents.json")))) {
            codegen = reader.readObject();
        }
        String documentId = codegen.keySet().stream()
                .filter(key -> codegen.getString(key).startsWith("query Me")).findFirst().orElseThrow();
        int before = stub.calls("GetUser").size();
        post(Json.createObjectBuilder().add("documentId", documentId).build()).statusCode(200)
                .body("data.me.username", equalTo("stub-user"));
        post(persistedQuery(codegen.getString(documentId), documentId.substring("sha256:".length()))).statusCode(200)
                .body("data.me.username", equalTo("stub-user"));
        assertEquals(before + 2, stub.calls("GetUser").size());
    }

    @Test
    void theOperatorsManifestIsListedToo() {
        post(Json.createObjectBuilder().add("query", OPERATOR_DOCUMENT).build()).statusCode(200)
                .body("data.me.username", equalTo("stub-user"));
        post(Json.createObjectBuilder().add("documentId", "sha256:" + sha256(OPERATOR_DOCUMENT)).build())
                .statusCode(200).body("data.me.username", equalTo("stub-user"));
        post(persistedQuery(null, sha256(OPERATOR_DOCUMENT))).statusCode(200)
                .body("data.me.username", equalTo("stub-user"));

        assertEquals(3, stub.calls("GetUser").size());
    }

    @Test
    void anyOtherDocumentIsRefusedBeforeItIsParsedAndCognitoIsNotCalled() {
        String listedWithAnotherSpace = GraphQL.operation("me").replace("me {", "me  {");
        PrometheusScrape before = PrometheusScrape.now();

        for (String document : List.of(UNLISTED, listedWithAnotherSpace, "{ me { username ", "mutation {")) {
            assertNotInList(post(Json.createObjectBuilder().add("query", document).build()).statusCode(200));
        }
        assertNotInList(alice().queryParam("query", UNLISTED).get("/graphql").then().statusCode(200));
        assertNotInList(post(GraphQL.request(DemoUsers.accessToken("alice")).accept(GRAPHQL_RESPONSE_JSON),
                Json.createObjectBuilder().add("query", UNLISTED).build()).statusCode(400));

        assertEquals(List.of(), stub.calls());
        assertEquals(6, PrometheusScrape.now().value("gateway_graphql_requests_seconds_count", "operation", "none",
                "outcome", "PERSISTED_QUERY_NOT_IN_LIST") - before.value("gateway_graphql_requests_seconds_count",
                "operation", "none", "outcome", "PERSISTED_QUERY_NOT_IN_LIST"));
    }

    @Test
    void anUnlistedDocumentCannotBeRegisteredNorNamed() {
        String hash = sha256(UNLISTED);

        assertNotInList(post(persistedQuery(null, hash)));
        assertNotInList(post(persistedQuery(UNLISTED, hash)));
        assertNotInList(post(persistedQuery(null, hash)));
        assertNotInList(post(Json.createObjectBuilder().add("documentId", "sha256:" + hash).build()));
        assertEquals(List.of(), stub.calls());
    }

    private static void assertNotInList(ValidatableResponse response) {
        response.header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_IN_LIST"))
                .body("errors[0].extensions.retryable", equalTo(false));
    }

    private static RequestSpecification alice() {
        return GraphQL.request(DemoUsers.accessToken("alice")).accept(ContentType.JSON);
    }

    private static ValidatableResponse post(JsonObject body) {
        return post(alice(), body);
    }

    private static ValidatableResponse post(RequestSpecification request, JsonObject body) {
        return request.contentType(ContentType.JSON).body(body.toString()).post("/graphql").then();
    }
}
