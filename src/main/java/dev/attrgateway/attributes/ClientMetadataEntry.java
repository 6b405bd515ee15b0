package dev.attrgateway.attributes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** One entry of Cognito's ClientMetadata map. */
@Input("ClientMetadataEntryInput")
@Description("One entry of Cognito's ClientMetadata map, passed to the pool's Lambda triggers. Never logged.")
public record ClientMetadataEntry(@NonNull String key, @NonNull String value) {

    /** ClientMetadata is never logged, not even by accident. */
    @Override
    public String toString() {
        return "ClientMetadataEntry[<withheld>]";
    }
}
