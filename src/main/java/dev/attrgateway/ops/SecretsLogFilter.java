package dev.attrgateway.ops;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps tokens, attribute values, verification codes and ClientMetadata out of every log handler it is
 * set on (console and file by default), whatever levels are configured: below INFO, these libraries
 * print request and response bodies, tokens or GraphQL variables, so their records are dropped.
 */
@LoggingFilter(name = "secrets")
public final class SecretsLogFilter implements Filter {

    /** Categories that quote payloads or tokens below INFO. */
    private static final List<String> VERBOSE_ABOUT_PAYLOADS = List.of(
            "io.netty.handler.logging",      // wire dumps of every request and response
            "software.amazon.awssdk",        // requests, headers, marshalled bodies
            "io.quarkus.oidc",               // rejected tokens and their claims
            "org.jose4j",                    // token parsing details
            "io.smallrye.graphql",           // queries and variables
            "notprivacysafe.graphql",        // graphql-java's own input logging
            "graphql");
    /** SmallRye's "Payload In/Out" messages are INFO; they carry variables and results. */
    private static final List<String> PAYLOAD_MESSAGE_IDS = List.of("SRGQL011005", "SRGQL011006");

    @Override
    public boolean isLoggable(LogRecord record) {
        String category = record.getLoggerName() == null ? "" : record.getLoggerName();
        if (record.getLevel().intValue() < Level.INFO.intValue()
                && VERBOSE_ABOUT_PAYLOADS.stream().anyMatch(prefix -> isWithin(category, prefix))) {
            return false;
        }
        String message = record.getMessage();
        return message == null || PAYLOAD_MESSAGE_IDS.stream().noneMatch(message::startsWith);
    }

    private static boolean isWithin(String category, String prefix) {
        return category.equals(prefix) || category.startsWith(prefix + ".");
    }
}
