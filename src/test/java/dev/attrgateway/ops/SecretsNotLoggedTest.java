package dev.attrgateway.ops;

import static dev.attrgateway.support.GraphQL.attribute;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.Test;

import dev.attrgateway.local.LocalCognito;
import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.LocalCognitoResource;
import dev.attrgateway.support.TestLog;
import dev.attrgateway.support.Tokens;
import dev.attrgateway.support.VerificationCodes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With every logger at its most verbose, the chatty libraries included, every operation is run with
 * recognisable tokens, attribute values, verification codes and ClientMetadata, failures included;
 * none of them may reach the log. Each admin update leaves its audit line, with attribute names only.
 */
@QuarkusTest
@WithTestResource(LocalCognitoResource.class)
@TestProfile(SecretsNotLoggedTest.EverythingLogged.class)
class SecretsNotLoggedTest {

    static final TestLog LOG = TestLog.at("target/secrets-scan.log");

    public static class EverythingLogged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(LOG.emptiedFileSettings());
            overrides.putAll(Map.ofEntries(
                    Map.entry("quarkus.log.level", "TRACE"),
                    Map.entry("quarkus.log.min-level", "TRACE"),
                    Map.entry("quarkus.log.category.\"io.netty\".level", "TRACE"),
                    Map.entry("quarkus.log.category.\"software.amazon.awssdk\".level", "TRACE"),
                    Map.entry("quarkus.log.category.\"io.quarkus.oidc\".level", "TRACE"),
                    Map.entry("quarkus.smallrye-graphql.log-payload", "queryAndVariables"),
                    // The test's own HTTP client, which is not the gateway, logs what it sends.
                    Map.entry("quarkus.log.category.\"org.apache.http\".level", "INFO"),
                    Map.entry("quarkus.log.console.level", "INFO"),
                    Map.entry("quarkus.log.file.level", "TRACE"),
                    Map.entry("quarkus.log.file.rotation.max-file-size", "1G"),
                    // Documents that are not on the trusted list are reported: by their hash, never their text.
                    Map.entry("gateway.documents.trusted", "log")));
            return overrides;
        }
    }

    @Test
    void tokensValuesCodesAndClientMetadataNeverReachTheLog() {
        String marker = UUID.randomUUID().toString().replace("-", "");
        String value = "value" + marker;
        String metadataKey = "metakey" + marker;
        String metadataValue = "metavalue" + marker;
        String username = DemoUsers.newUser("secrets");
        String token = DemoUsers.accessToken(username);
        String adminToken = DemoUsers.accessToken("admin");
        List<Map<String, String>> metadata = List.of(Map.of("key", metadataKey, "value", metadataValue));
        int codesBefore = VerificationCodes.countFor(username);

        GraphQL.execute("me", token).body("errors", nullValue());
        GraphQL.execute("updateMyAttributes", Map.of("input", Map.of(
                "userAttributes", List.of(attribute("name", value), attribute("email", value + "@example.com")),
                "clientMetadata", metadata)), token).body("errors", nullValue());
        String code = VerificationCodes.nextFor(username, codesBefore);
        String wrongCode = code.equals("000000") ? "999999" : "000000";
        GraphQL.execute("verifyMyAttribute", Map.of("input", Map.of("attributeName", "email", "code", wrongCode)), token)
                .body("errors[0].extensions.code", equalTo("CODE_MISMATCH"));
        GraphQL.execute("resendMyAttributeVerificationCode", Map.of("input", Map.of("attributeName", "email",
                "clientMetadata", metadata)), token).body("errors", nullValue());
        String resentCode = VerificationCodes.nextFor(username, codesBefore + 1);
        GraphQL.execute("verifyMyAttribute", Map.of("input", Map.of("attributeName", "email", "code", resentCode)), token)
                .body("errors", nullValue());
        GraphQL.execute("adminGetUser", Map.of("username", username), adminToken).body("errors", nullValue());
        GraphQL.execute("adminUpdateUserAttributes", Map.of("input", Map.of("username", username,
                "userAttributes", List.of(attribute("custom:role", value)), "clientMetadata", metadata)), adminToken)
                .body("errors", nullValue());
        // Refusals and failures, which are where values tend to slip into messages.
        GraphQL.execute("updateMyAttributes", Map.of("input", Map.of("userAttributes",
                List.of(attribute("name", value + "x".repeat(2048))), "clientMetadata", metadata)), token)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        GraphQL.execute("updateMyAttributes", Map.of("input", Map.of("userAttributes",
                List.of(attribute("custom:unknown", value)))), token)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        GraphQL.execute("adminUpdateUserAttributes", Map.of("input", Map.of("username", "ghost-" + username,
                "userAttributes", List.of(attribute("custom:role", value)))), adminToken)
                .body("errors[0].extensions.code", equalTo("NOT_AUTHORIZED"));
        GraphQL.execute("me", Tokens.signedByAnotherKey(token)).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        GraphQL.execute("me", Tokens.expired(token)).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        for (String document : List.of(
                "mutation { updateMyAttributes(input: {userAttributes: [{name: \"name\", value: [\"" + value + "\"]}]}) "
                        + "{ codeDeliveryDetailsList { attributeName } } }",
                "mutation { verifyMyAttribute(input: {code: \"" + code + "\"}) { verified } }",
                "mutation { updateMyAttributes(input: {userAttributes: [{name: \"name\", value: \"" + value
                        + "\", extra: 1}]}) { codeDeliveryDetailsList { attributeName } } }")) {
            GraphQL.post(GraphQL.request(token), document, Map.of())
                    .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                    .body(not(containsString(value))).body(not(containsString(code)));
        }

        String log = LOG.text();
        assertTrue(log.contains("TRACE"), "the log was not at its most verbose");
        for (String secret : List.of(marker, claims(token), signature(token), claims(adminToken),
                signature(adminToken))) {
            assertFalse(log.contains(secret), "the log holds a secret: " + secret.substring(0, Math.min(8, secret.length())));
        }
        // A code is six digits: the log's own numbers (timestamps, counters) hold such runs by chance, so a code
        // counts as logged only where it stands as a number of its own.
        for (String secret : List.of(code, resentCode, wrongCode)) {
            assertFalse(Pattern.compile("(?<![0-9])" + secret + "(?![0-9])").matcher(log).find(),
                    "the log holds a verification code");
        }
        String pool = LocalCognito.shared().userPoolId();
        List<JsonObject> audit = auditLines(log);
        assertTrue(audit.stream().anyMatch(line -> line.getString("caller").equals("admin")
                && line.getString("pool").equals(pool) && line.getString("username").equals(username)
                && line.getJsonArray("attributes").getString(0).equals("custom:role")
                && line.getString("outcome").equals("OK") && !line.getString("requestId").equals("-")),
                "no audit line for the update: " + audit);
        assertTrue(audit.stream().anyMatch(line -> line.getString("username").equals("ghost-" + username)
                && line.getString("outcome").equals("NOT_AUTHORIZED")), "no audit line for the refused update");
    }

    @Test
    void theAuditLineIsOneJsonObjectThatValuesCannotForgeAndCarriesTheRequestId() {
        String forged = "mallory\"}\n{\"outcome\":\"OK\"," + "\u202e";
        String requestId = "audit-" + UUID.randomUUID();
        int linesBefore = auditLines(LOG.text()).size();

        GraphQL.post(GraphQL.request(DemoUsers.accessToken("admin")).header("X-Request-Id", requestId),
                GraphQL.operation("adminUpdateUserAttributes"), Map.of("input", Map.of("username", forged,
                        "userAttributes", List.of(attribute("custom:role", "x")))))
                .header("X-Request-Id", requestId)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        List<JsonObject> added = auditLines(LOG.text());
        assertEquals(linesBefore + 1, added.size(), "one audit line per attempt");
        JsonObject line = added.get(added.size() - 1);
        assertEquals("mallory\"}_{\"outcome\":\"OK\",_", line.getString("username"));
        assertEquals("BAD_USER_INPUT", line.getString("outcome"));
        assertEquals(requestId, line.getString("requestId"));
        assertTrue(line.getString("traceId").matches("[0-9a-f]{32}"), "the audit line's trace id: " + line);
    }

    @Test
    void inLogModeADocumentOffTheTrustedListRunsAndIsReportedByItsHashAlone() {
        String token = DemoUsers.accessToken(DemoUsers.newUser("unlisted"));

        GraphQL.post(GraphQL.request(token), "query Unlisted { me { username } }", Map.of())
                .body("errors", nullValue()).body("data.me.username", not(nullValue()));

        // One line at most every ten seconds: the first document reported in that time is named, the others counted.
        assertTrue(LOG.lines().stream().anyMatch(line -> Pattern.compile(
                "Accepted a document that is not on the trusted list \\(sha256 [0-9a-f]{64}\\)").matcher(line).find()),
                "no report of the unlisted document");
    }

    /** The audit lines of the log, each parsed as the JSON object it must be; from text or JSON log records. */
    static List<JsonObject> auditLines(String log) {
        String start = "{\"event\":\"adminUpdateUserAttributes\"";
        return log.lines()
                .map(line -> line.startsWith("{") ? json(line).getString("message") : line)
                .filter(message -> message.contains(start))
                .map(message -> json(message.substring(message.indexOf(start))))
                .toList();
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String claims(String token) {
        return token.split("\\.")[1];
    }

    private static String signature(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }
}
