package dev.attrgateway.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import dev.attrgateway.attributes.InputRules;
import dev.attrgateway.ops.RequestId;

/**
 * One line per admin change attempt, in the log category {@code dev.attrgateway.audit}: a JSON object with
 * who, which pool and user, which attribute names, the outcome code, the gateway's request id and Cognito's,
 * and the trace id.
 * Never the values. Refused input reaches it too, so it is written as JSON (a quote or a line break in a
 * value cannot end a field or the line) and each field is capped.
 */
@ApplicationScoped
public class AuditLog {

    /** Looked up once: {@code Json.create...} looks the provider up on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger("dev.attrgateway.audit");
    private static final int MAX_FIELD_LENGTH = 128;
    private static final int MAX_ATTRIBUTE_NAMES = InputRules.MAX_ATTRIBUTES;

    public void adminUpdate(String caller, String userPoolId, String username, List<String> attributeNames,
            String outcome, String cognitoRequestId) {
        JsonArrayBuilder names = JSON_PROVIDER.createArrayBuilder();
        attributeNames.stream().limit(MAX_ATTRIBUTE_NAMES).map(AuditLog::safe).forEach(names::add);
        JsonObjectBuilder line = JSON_PROVIDER.createObjectBuilder()
                .add("event", "adminUpdateUserAttributes")
                .add("caller", safe(caller))
                .add("pool", safe(userPoolId))
                .add("username", safe(username))
                .add("attributes", names)
                .add("attributesOmitted", Math.max(0, attributeNames.size() - MAX_ATTRIBUTE_NAMES))
                .add("outcome", outcome)
                .add("requestId", safe(RequestId.current()))
                .add("traceId", safe(traceId()))
                .add("cognitoRequestId", safe(cognitoRequestId));
        LOG.info(line.build().toString());
    }

    /** The trace the change belongs to, as OpenTelemetry put it in the log's MDC; none outside a request. */
    private static String traceId() {
        Object traceId = MDC.get("traceId");
        return traceId == null ? null : traceId.toString();
    }

    /**
     * No control or format character (bidi overrides included) may disguise a field on a terminal, and no
     * field may flood the line.
     */
    private static String safe(String field) {
        if (field == null) {
            return "-";
        }
        String printable = field.codePoints()
                .map(c -> isForbidden(c) ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > MAX_FIELD_LENGTH ? printable.substring(0, MAX_FIELD_LENGTH) + "..." : printable;
    }

    private static boolean isForbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.PRIVATE_USE;
    }
}
