package dev.attrgateway.users;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("VerifyMyAttributeInput")
public record VerifyMyAttributeInput(@NonNull String attributeName, @NonNull String code) {

    /** Verification codes are never logged, not even by accident. */
    @Override
    public String toString() {
        return "VerifyMyAttributeInput[attributeName=" + attributeName + ", code=<withheld>]";
    }
}
