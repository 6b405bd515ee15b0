package dev.attrgateway.attributes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A user attribute, read ({@code Attribute}) or written ({@code AttributeInput}). */
@Type("Attribute")
@Input("AttributeInput")
@Description("A name-value pair. Custom attributes carry the \"custom:\" prefix (custom:department). "
        + "In input, a null or empty value deletes the attribute, as in Cognito.")
public record UserAttribute(@NonNull String name, String value) {

    /** Attribute values are personal data and never logged, not even by accident. */
    @Override
    public String toString() {
        return "UserAttribute[name=" + name + ", value=<" + (value == null ? "null" : "withheld") + ">]";
    }
}
