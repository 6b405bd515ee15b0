package dev.attrgateway.attributes;

import org.eclipse.microprofile.graphql.NonNull;

/** What became of one submitted attribute. */
public record AttributeOutcome(@NonNull String name, @NonNull AttributeChangeStatus status) {
}
