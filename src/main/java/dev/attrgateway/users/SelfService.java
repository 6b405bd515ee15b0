package dev.attrgateway.users;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.attributes.CodeDeliveryDetails;
import dev.attrgateway.users.ResendMyAttributeVerificationCodeInput;
import dev.attrgateway.users.UpdateMyAttributesInput;
import dev.attrgateway.users.UpdateMyAttributesPayload;
import dev.attrgateway.attributes.UserProfile;
import dev.attrgateway.users.VerifyMyAttributeInput;
import dev.attrgateway.users.VerifyMyAttributePayload;
import dev.attrgateway.security.AccessPolicy;
import dev.attrgateway.attributes.InputRules;
import dev.attrgateway.attributes.CognitoMapping;
import io.smallrye.mutiny.Uni;

/**
 * A signed-in user's own profile and attributes, with the user's own access token. Each operation checks
 * the caller, then the input, and only then calls Cognito; failures are mapped where the response is written.
 */
@ApplicationScoped
public class SelfService {

    private final AccessPolicy accessPolicy;
    private final CognitoCalls cognito;

    SelfService(AccessPolicy accessPolicy, CognitoCalls cognito) {
        this.accessPolicy = accessPolicy;
        this.cognito = cognito;
    }

    public Uni<UserProfile> me() {
        return accessPolicy.selfServiceCaller()
                .chain(caller -> cognito.getUser(caller.accessToken(), caller.subject()))
                .map(CognitoMapping::profile);
    }

    public Uni<UpdateMyAttributesPayload> updateMyAttributes(UpdateMyAttributesInput input) {
        return accessPolicy.selfServiceCaller()
                .invoke(caller -> {
                    InputRules.check(input);
                    accessPolicy.requireWritableByUser(input.userAttributes());
                })
                .chain(caller -> cognito.updateUserAttributes(caller.accessToken(), caller.subject(),
                        CognitoMapping.attributeTypes(input.userAttributes()),
                        CognitoMapping.clientMetadata(input.clientMetadata())))
                .map(deliveries -> new UpdateMyAttributesPayload(CognitoMapping.codeDeliveries(deliveries)));
    }

    public Uni<VerifyMyAttributePayload> verifyMyAttribute(VerifyMyAttributeInput input) {
        return accessPolicy.selfServiceCaller()
                .invoke(caller -> InputRules.check(input))
                .chain(caller -> cognito.verifyUserAttribute(caller.accessToken(), caller.subject(), input.attributeName(),
                        input.code()))
                .map(verified -> new VerifyMyAttributePayload(input.attributeName(), true));
    }

    public Uni<CodeDeliveryDetails> resendMyAttributeVerificationCode(ResendMyAttributeVerificationCodeInput input) {
        return accessPolicy.selfServiceCaller()
                .invoke(caller -> InputRules.check(input))
                .chain(caller -> cognito.getUserAttributeVerificationCode(caller.accessToken(), caller.subject(),
                        input.attributeName(), CognitoMapping.clientMetadata(input.clientMetadata())))
                // CodeDeliveryDetails is optional in Cognito's answer; what was asked for is still known.
                .map(details -> details == null ? new CodeDeliveryDetails(input.attributeName(), null, null)
                        : CognitoMapping.codeDelivery(details));
    }
}
