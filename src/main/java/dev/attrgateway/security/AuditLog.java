package dev.attrgateway.security;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * One line per admin change, in the log category {@code dev.attrgateway.audit}: who, which pool and
 * user, which attribute names, the outcome code and Cognito's request id. Never the values.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("dev.attrgateway.audit");
    private static final int MAX_FIELD_LENGTH = 128;

    public void adminUpdate(String caller, String userPoolId, String username, List<String> attributeNames,
            String outcome, String requestId) {
        LOG.infof("adminUpdateUserAttributes caller=%s pool=%s username=%s attributes=[%s] outcome=%s requestId=%s",
                safe(caller), safe(userPoolId), safe(username),
                attributeNames.stream().map(AuditLog::safe).collect(Collectors.joining(",")),
                outcome, safe(requestId));
    }

    /** Refused input reaches the audit line too: no control character may forge a line, no field flood it. */
    private static String safe(String field) {
        if (field == null) {
            return "-";
        }
        String printable = field.codePoints()
                .map(c -> Character.isISOControl(c) || c == ' ' || c == ',' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > MAX_FIELD_LENGTH ? printable.substring(0, MAX_FIELD_LENGTH) + "..." : printable;
    }
}
