package dev.attrgateway.pool;

import static dev.attrgateway.support.GraphQL.attribute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.support.CognitoStub;
import dev.attrgateway.support.CognitoStub.Reply;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectCognitoStub;
import dev.attrgateway.support.PoolRefreshGateway;
import dev.attrgateway.support.PrometheusScrape;
import dev.attrgateway.support.StubGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The pools' configuration is read again while the gateway runs, and what the gateway does follows it: a pool that
 * stops keeping original values is warned about, shown in the readiness details and counted, and its changes are in
 * effect unverified; an app client's write list binds its users; a pool Cognito cannot describe keeps its last
 * configuration; an administrator's change follows the schema of the pool it names. The stub starts by refusing the
 * reads (the first test, run first, looks at what the start logged), and every test first waits for the gateway to
 * have read the stub's standard pool again.
 */
@QuarkusTest
@TestProfile(PoolRefreshGateway.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolRefreshTest {

    private static final Duration WIDE_BOUND = Duration.ofSeconds(30);

    @InjectCognitoStub
    CognitoStub stub;

    private final String servedPool = LocalCognito.shared().userPoolId();
    private final String token = DemoUsers.accessToken("alice");

    @BeforeEach
    void theStandardPoolIsInForce() {
        awaitDefinitions(definitions -> Boolean.TRUE.equals(field(definitions, "email", "keptUntilVerified"))
                && Boolean.TRUE.equals(field(definitions, "nickname", "writable")));
        Awaitility.await().atMost(WIDE_BOUND).until(() -> readiness().getString("checks.find { it.name == "
                + "'user-pool-configuration' }.data.'" + servedPool + "'").equals("read"));
    }

    @Test
    @Order(1)
    void aPoolCognitoDoesNotDescribeAtStartIsWarnedAboutOnceAndReadLater() {
        String unreadable = "Could not read the configuration of user pool " + servedPool + " (ACCESS_DENIED): until"
                + " it is read, attributes are checked by the gateway's own rules only";
        assertEquals(1, PoolRefreshGateway.LOG.linesContaining(unreadable), "warnings while it cannot be read");
        assertEquals(1, PoolRefreshGateway.LOG.linesContaining(
                "The configuration of user pool " + servedPool + " is read again"), "notes once read");
        assertEquals(PoolRefreshGateway.FAILED_POOL_READS, PrometheusScrape.now().value(
                "gateway_cognito_calls_seconds_count", "api", "DescribeUserPool", "outcome", "ACCESS_DENIED"),
                "refused reads");
    }

    @Test
    void aPoolThatStopsKeepingOriginalValuesIsWarnedAboutShownAndCounted() {
        int mark = PoolRefreshGateway.LOG.mark();
        stub.describeUserPool(servedPool, notKeeping(CognitoStub.standardPool(servedPool)));

        awaitDefinitions(definitions -> Boolean.FALSE.equals(field(definitions, "email", "keptUntilVerified")));

        assertEquals(1, PoolRefreshGateway.LOG.linesSince(mark).stream().filter(line -> line.contains("WARN")
                && line.contains("User pool " + servedPool + " sends a code to verify a new email")
                && line.contains("AttributesRequireVerificationBeforeUpdate")).count(), "warnings");
        JsonPath readiness = readiness();
        assertEquals("UP", readiness.getString("status"));
        assertEquals("email,phone_number", readiness.getString("checks.find { it.name == "
                + "'user-pool-configuration' }.data.'" + servedPool + " unverifiedUpdatesRisky'"));
        // The allowed pool still keeps email: only the served one is counted.
        assertEquals(1.0, PrometheusScrape.now().value("gateway_pool_unverified_updates_risky", "attribute", "email"));
        assertEquals(2.0, PrometheusScrape.now().value("gateway_pool_unverified_updates_risky", "attribute",
                "phone_number"));

        stub.next("UpdateUserAttributes", Reply.success(new JsonObject().put("CodeDeliveryDetailsList",
                new JsonArray().add(new JsonObject().put("AttributeName", "email").put("DeliveryMedium", "EMAIL")
                        .put("Destination", "n***@e***.com"))).encode()));
        GraphQL.updateMyAttributes(token, attribute("email", "new@example.com"))
                .body("errors", nullValue())
                .body("data.updateMyAttributes.attributeOutcomes.status", contains("UPDATED_UNVERIFIED"));
    }

    @Test
    void theAppClientsWriteListBindsItsUsers() {
        String clientId = LocalCognito.shared().clientId();
        stub.describeUserPoolClient(clientId, new JsonObject().put("ClientId", clientId)
                .put("WriteAttributes", new JsonArray().add("name").add("email")));

        awaitDefinitions(definitions -> Boolean.FALSE.equals(field(definitions, "nickname", "writable")));
        int updates = stub.calls("UpdateUserAttributes").size();
        GraphQL.updateMyAttributes(token, attribute("name", "Alice"), attribute("nickname", "Al"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.violations", contains(Map.of("field", "input.userAttributes[1].name",
                        "message", "is not writable through the caller's app client")));
        assertEquals(updates, stub.calls("UpdateUserAttributes").size(), "UpdateUserAttributes");
    }

    @Test
    void theLastConfigurationReadStaysInForceWhileCognitoCannotDescribeThePool() {
        stub.describeUserPool(servedPool, notKeeping(CognitoStub.standardPool(servedPool)));
        awaitDefinitions(definitions -> Boolean.FALSE.equals(field(definitions, "email", "keptUntilVerified")));
        int mark = PoolRefreshGateway.LOG.mark();

        stub.always("DescribeUserPool", Reply.error(400, "AccessDeniedException", "Not allowed"));
        int refusedBefore = stub.calls("DescribeUserPool").size();
        Awaitility.await().atMost(WIDE_BOUND).until(() -> stub.calls("DescribeUserPool").size() >= refusedBefore + 4);

        assertEquals("last read in force", readiness().getString("checks.find { it.name == "
                + "'user-pool-configuration' }.data.'" + servedPool + "'"));
        assertEquals("UP", readiness().getString("status"));
        assertEquals(Boolean.FALSE, field(definitions(), "email", "keptUntilVerified"));
        assertEquals(1, PoolRefreshGateway.LOG.linesSince(mark).stream().filter(line -> line.contains(
                "Could not read the configuration of user pool " + servedPool)
                && line.contains("the last one read stays in force")).count(), "warnings");
    }

    @Test
    void anAdministratorsChangeFollowsTheSchemaOfThePoolItNames() {
        JsonObject withoutRole = CognitoStub.standardPool(StubGateway.ALLOWED_POOL);
        JsonArray schema = new JsonArray();
        withoutRole.getJsonArray("SchemaAttributes").stream().map(JsonObject.class::cast)
                .filter(attribute -> !attribute.getString("Name").equals("custom:role")).forEach(schema::add);
        stub.describeUserPool(StubGateway.ALLOWED_POOL, withoutRole.put("SchemaAttributes", schema));
        // Reads of a pool follow one another: the second one after the change was asked once the first was read.
        Awaitility.await().atMost(WIDE_BOUND).until(() -> stub.calls("DescribeUserPool").stream()
                .filter(call -> StubGateway.ALLOWED_POOL.equals(call.body().getString("UserPoolId"))).count() >= 2);
        String admin = PoolAwareValidationTest.machineToken();

        adminRole(admin, StubGateway.ALLOWED_POOL)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.violations", contains(Map.of("field", "input.userAttributes[0].name",
                        "message", "is not an attribute of the user pool")));
        adminRole(admin, null).body("errors", nullValue());
        assertEquals(1, stub.calls("AdminUpdateUserAttributes").size(), "AdminUpdateUserAttributes");
    }

    private static ValidatableResponse adminRole(String token, String userPoolId) {
        Map<String, Object> input = new HashMap<>();
        input.put("userPoolId", userPoolId);
        input.put("username", "target");
        input.put("userAttributes", List.of(attribute("custom:role", "editor")));
        return GraphQL.execute("adminUpdateUserAttributes", Map.of("input", input), token).statusCode(200);
    }

    private static JsonObject notKeeping(JsonObject pool) {
        return pool.put("UserAttributeUpdateSettings", new JsonObject()
                .put("AttributesRequireVerificationBeforeUpdate", new JsonArray()));
    }

    private void awaitDefinitions(Predicate<List<Map<String, Object>>> expected) {
        Awaitility.await().atMost(WIDE_BOUND).pollInterval(Duration.ofMillis(100))
                .until(() -> expected.test(definitions()));
    }

    /** The attribute definitions, or none while the gateway has read no configuration. */
    private List<Map<String, Object>> definitions() {
        List<Map<String, Object>> definitions = GraphQL.execute("attributeDefinitions", token).statusCode(200)
                .extract().jsonPath().getList("data.attributeDefinitions");
        return definitions == null ? List.of() : definitions;
    }

    private static Object field(List<Map<String, Object>> definitions, String name, String field) {
        return definitions.stream().filter(d -> name.equals(d.get("name"))).map(d -> d.get(field)).findFirst()
                .orElse(null);
    }

    private static JsonPath readiness() {
        return given().get("/q/health/ready").then().extract().jsonPath();
    }
}
