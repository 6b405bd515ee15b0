package dev.attrgateway.users;

import java.util.List;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.attrgateway.attributes.InputRules;
import dev.attrgateway.error.Violation;

@Input("DeleteMyAttributesInput")
public record DeleteMyAttributesInput(@NonNull List<@NonNull String> attributeNames) {

    /** Every constraint the input breaks. */
    public List<Violation> violations() {
        return InputRules.check().attributeNames("input.attributeNames", attributeNames).violations();
    }
}
