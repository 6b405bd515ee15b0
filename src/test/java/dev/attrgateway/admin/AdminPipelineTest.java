package dev.attrgateway.admin;

import static dev.attrgateway.support.GraphQL.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.StubGateway;
import dev.attrgateway.support.TestLog;
import dev.attrgateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Both admin operations go the same way, in the same order: the caller's claims, then the pool, then the input,
 * then Cognito's confirmation of the caller's rights, then the operation; a change is audited whatever came of it,
 * once the caller is known, and its profile (the example selects it) read back only once it is done. Each row is a
 * caller and an input, for both operations, with the answer, the Cognito calls made (the stub counts them) and, for
 * the change, its audit line.
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class AdminPipelineTest {

    private static final String NOT_ALLOWED_POOL = "eu-west-1_Forbidden1";

    @InjectCognitoStub
    CognitoStub stub;

    /** A row of the table: who calls, with which pool and username, and what the stub answers Cognito's checks. */
    record Row(String name, Function<String, String> token, String userPoolId, String username,
            Map<String, Reply> cognitoAnswers, String outcome, List<String> checks, boolean operationCalled) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rows() {
        List<String> confirmation = List.of("GetUser", "AdminListGroupsForUser");
        Map<String, Reply> none = Map.of();
        return Stream.of(
                new Row("no token", user -> null, null, "target", none, "UNAUTHENTICATED", List.of(), false),
                new Row("a user without an admin group", AdminPipelineTest::userToken, null, "target", none,
                        "FORBIDDEN", List.of(), false),
                new Row("an admin naming a pool off the allow-list", AdminPipelineTest::adminToken, NOT_ALLOWED_POOL,
                        "john doe", none, "FORBIDDEN", List.of(), false),
                new Row("an admin with a malformed username", AdminPipelineTest::adminToken, null, "john doe", none,
                        "BAD_USER_INPUT", List.of(), false),
                new Row("an admin with a malformed pool id", AdminPipelineTest::adminToken, "no-separator", "target",
                        none, "BAD_USER_INPUT", List.of(), false),
                new Row("an admin whose token was revoked", AdminPipelineTest::adminToken, null, "target",
                        Map.of("GetUser", Reply.error(400, "NotAuthorizedException", "Access Token has been revoked")),
                        "UNAUTHENTICATED", List.of("GetUser"), false),
                new Row("an admin no longer in an admin group", AdminPipelineTest::adminToken, null, "target",
                        Map.of("AdminListGroupsForUser", Reply.success("{\"Groups\":[{\"GroupName\":\"readers\"}]}")),
                        "FORBIDDEN", confirmation, false),
                new Row("an admin", AdminPipelineTest::adminToken, null, "target", none, "OK", confirmation, true),
                new Row("an admin on an allowed pool", AdminPipelineTest::adminToken, StubGateway.ALLOWED_POOL, "target",
                        none, "OK", confirmation, true),
                new Row("a machine token with the admin scope", AdminPipelineTest::machineToken, null, "target", none,
                        "OK", List.of(), true))
                .flatMap(row -> Stream.of(Arguments.of("adminGetUser", row),
                        Arguments.of("adminUpdateUserAttributes", row)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rows")
    void eachStepRefusesBeforeTheNextAndCognitoSeesOnlyWhatPassed(String operation, Row row) {
        row.cognitoAnswers().forEach(stub::always);
        String username = row.username() + "-" + UUID.randomUUID().toString().substring(0, 8);
        int auditMark = TestLog.gateway().mark();

        ValidatableResponse answer = call(operation, row.token().apply(username), row.userPoolId(), username);

        if (row.outcome().equals("OK")) {
            answer.body("errors", org.hamcrest.Matchers.nullValue());
        } else {
            answer.body("data", org.hamcrest.Matchers.nullValue())
                    .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo(row.outcome()));
        }
        boolean change = operation.equals("adminUpdateUserAttributes");
        String operationCall = change ? "AdminUpdateUserAttributes" : "AdminGetUser";
        String readBack = change && row.operationCalled() ? "AdminGetUser" : null;
        assertEquals(row.checks().stream().sorted().toList(), stub.calls().stream().map(CognitoStub.Call::operation)
                .filter(call -> !call.equals(operationCall) && !call.equals(readBack)).sorted().toList(),
                "the checks Cognito was asked for");
        assertEquals(row.operationCalled() ? 1 : 0, stub.calls(operationCall).size(), operationCall);
        if (readBack != null) {
            assertEquals(List.of(operationCall, readBack), stub.calls().stream().map(CognitoStub.Call::operation)
                    .filter(call -> call.equals(operationCall) || call.equals(readBack)).toList(),
                    "the change, then its profile");
        }
        if (row.operationCalled()) {
            assertEquals(row.userPoolId() == null ? LocalCognito.shared().userPoolId() : row.userPoolId(),
                    stub.calls(operationCall).get(0).body().getString("UserPoolId"), "the pool acted on");
        }
        long auditLines = TestLog.gateway().linesSince(auditMark).stream()
                .filter(line -> line.contains("\"event\":\"adminUpdateUserAttributes\"") && line.contains(username))
                .filter(line -> line.contains("\"outcome\":\"" + row.outcome() + "\"")).count();
        boolean audited = change && !row.name().equals("no token");
        assertEquals(audited ? 1 : 0, auditLines, "audit lines");
    }

    private static ValidatableResponse call(String operation, String token, String userPoolId, String username) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("userPoolId", userPoolId);
        variables.put("username", username);
        if (operation.equals("adminUpdateUserAttributes")) {
            variables.put("userAttributes", List.of(attribute("custom:role", "reader")));
            return GraphQL.execute(operation, Map.of("input", variables), token).statusCode(200);
        }
        return GraphQL.execute(operation, variables, token).statusCode(200);
    }

    /** Tokens re-issued for each row, so that no confirmation another row obtained stands for them. */
    private static String adminToken(String row) {
        return Tokens.forUser(DemoUsers.accessToken("admin"), "admin-" + row);
    }

    private static String userToken(String row) {
        return Tokens.forUser(DemoUsers.accessToken("alice"), "user-" + row);
    }

    private static String machineToken(String row) {
        return Tokens.withClaims(DemoUsers.accessToken("alice"), claims -> {
            claims.setClaim("scope", StubGateway.ADMIN_SCOPE);
            claims.unsetClaim("username");
            claims.setSubject("machine-" + row);
            claims.setJwtId(UUID.randomUUID().toString());
        });
    }
}
