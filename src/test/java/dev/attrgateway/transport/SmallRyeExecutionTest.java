package dev.attrgateway.transport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.StubGateway;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * What {@link SmallRyeExecution}, the one class built on Quarkus' internal API, must keep doing across upgrades: the
 * gateway's route answers /graphql, not SmallRye's; the caller's lazily authenticated identity reaches the resolvers,
 * also after an asynchronous step (the request context resumes on another thread); a rejected token is the resolver's
 * typed error, not Quarkus' empty 401.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class SmallRyeExecutionTest {

    @InjectCognitoStub
    CognitoStub stub;

    @Test
    void theGatewaysRouteAnswersNotSmallRyes() {
        // SmallRye's own handler runs a mutation sent over GET; the gateway's refuses it.
        given().accept(ContentType.JSON).queryParam("query", "mutation { __typename }").get("/graphql").then()
                .statusCode(405).header("Allow", "POST");
    }

    @Test
    void theCallersIdentityReachesEveryResolverAcrossAsynchronousSteps() {
        String token = DemoUsers.accessToken("alice");

        GraphQL.post(GraphQL.request(token), "{ a: me { username } b: me { username } }",
                java.util.Map.of()).statusCode(200)
                .body("errors", nullValue())
                .body("data.a.username", equalTo("stub-user"))
                .body("data.b.username", equalTo("stub-user"));

        assertEquals(2, stub.calls("GetUser").size());
        assertEquals(List.of(token), stub.calls("GetUser").stream().map(call -> call.body().getString("AccessToken"))
                .distinct().toList(), "each resolver called Cognito with the caller's own token");
    }

    @Test
    void aRejectedTokenIsTheResolversTypedError() {
        GraphQL.execute("me", Tokens.signedByAnotherKey(DemoUsers.accessToken("alice"))).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }
}
