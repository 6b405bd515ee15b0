package dev.attrgateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.LocalCognitoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The same as {@link SecretsNotLoggedTest}, with the log written as JSON lines as in production: the secrets
 * filter holds for the JSON handler too, every line is one JSON object, and each record of a request carries
 * its trace and span ids.
 */
@QuarkusTest
@WithTestResource(LocalCognitoResource.class)
@TestProfile(SecretsNotLoggedAsJsonTest.EverythingLoggedAsJson.class)
class SecretsNotLoggedAsJsonTest extends SecretsNotLoggedTest {

    public static class EverythingLoggedAsJson extends EverythingLogged {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("quarkus.log.file.json.enabled", "true");
            return overrides;
        }
    }

    @Test
    void everyLineIsOneJsonObjectAndARequestsLinesCarryItsTrace() {
        theAuditLineIsOneJsonObjectThatValuesCannotForgeAndCarriesTheRequestId();

        List<JsonObject> records = LOG.lines().stream().map(SecretsNotLoggedTest::json).toList();
        List<JsonObject> audit = records.stream()
                .filter(record -> record.getString("loggerName").equals("dev.attrgateway.audit")).toList();
        assertFalse(audit.isEmpty(), "no audit record");
        for (JsonObject record : audit) {
            JsonObject mdc = record.getJsonObject("mdc");
            assertTrue(mdc.getString("traceId", "").matches("[0-9a-f]{32}"), "no trace id: " + record);
            assertTrue(mdc.getString("spanId", "").matches("[0-9a-f]{16}"), "no span id: " + record);
            assertEquals(mdc.getString("traceId"), json(record.getString("message")).getString("traceId"));
        }
    }
}
