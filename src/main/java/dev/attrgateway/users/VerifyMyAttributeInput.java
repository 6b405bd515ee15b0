package dev.attrgateway.users;

import java.util.List;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.attrgateway.attributes.InputRules;
import dev.attrgateway.error.Violation;

@Input("VerifyMyAttributeInput")
public record VerifyMyAttributeInput(@NonNull String attributeName, @NonNull String code) {

    /** Every constraint the input breaks. */
    public List<Violation> violations() {
        return InputRules.check().attributeName("input.attributeName", attributeName).code("input.code", code)
                .violations();
    }

    /** Verification codes are never logged, not even by accident. */
    @Override
    public String toString() {
        return "VerifyMyAttributeInput[attributeName=" + attributeName + ", code=<withheld>]";
    }
}
