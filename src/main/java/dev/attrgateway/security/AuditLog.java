package dev.attrgateway.security;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.attrgateway.validation.InputRules;

/**
 * One line per admin change, in the log category {@code dev.attrgateway.audit}: who, which pool and
 * user, which attribute names, the outcome code and Cognito's request id. Never the values.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("dev.attrgateway.audit");
    private static final int MAX_FIELD_LENGTH = 128;
    private static final int MAX_ATTRIBUTE_NAMES = InputRules.MAX_ATTRIBUTES;

    public void adminUpdate(String caller, String userPoolId, String username, List<String> attributeNames,
            String outcome, String requestId) {
        String names = attributeNames.stream().limit(MAX_ATTRIBUTE_NAMES).map(AuditLog::safe)
                .collect(Collectors.joining(",")) + (attributeNames.size() > MAX_ATTRIBUTE_NAMES ? ",..." : "");
        LOG.infof("adminUpdateUserAttributes caller=%s pool=%s username=%s attributes=[%s] outcome=%s requestId=%s",
                safe(caller), safe(userPoolId), safe(username), names, outcome, safe(requestId));
    }

    /**
     * Refused input reaches the audit line too: no line or paragraph separator, control or format
     * character (bidi overrides included) may forge or disguise a line, and no field may flood it.
     */
    private static String safe(String field) {
        if (field == null) {
            return "-";
        }
        String printable = field.codePoints()
                .map(c -> isForbidden(c) || c == ' ' || c == ',' ? '_' : c)
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
