package dev.attrgateway.attributes;

import org.eclipse.microprofile.graphql.Description;

/** What became of one attribute of a change. */
@Description("What became of one attribute of a change.")
public enum AttributeChangeStatus {
    @Description("The new value is in effect.")
    UPDATED,
    @Description("The attribute was deleted (blank value).")
    DELETED,
    @Description("A code was sent; the previous value stays in effect until the new one is verified (the pool keeps"
            + " original values: AttributesRequireVerificationBeforeUpdate).")
    PENDING_VERIFICATION,
    @Description("The new value is in effect but unverified; a code was sent to confirm it (the pool does not keep"
            + " original values).")
    UPDATED_UNVERIFIED,
    @Description("The value is the one the user already has: nothing changed and no code was sent.")
    UNCHANGED
}
