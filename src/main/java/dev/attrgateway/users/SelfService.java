package dev.attrgateway.users;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attrgateway.attributes.CodeDeliveryDetails;
import dev.attrgateway.attributes.CognitoMapping;
import dev.attrgateway.attributes.UserAttribute;
import dev.attrgateway.attributes.UserProfile;
import dev.attrgateway.attributes.VerifiedAttributes;
import dev.attrgateway.attributes.WritePolicy;
import dev.attrgateway.cognito.Charge;
import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.security.Caller;
import dev.attrgateway.security.Callers;
import io.smallrye.mutiny.Uni;

/**
 * A signed-in user's own profile and attributes, with the user's own access token. Each operation checks the caller,
 * then the input (its record's rules, then the write policy), and only then calls Cognito.
 */
@ApplicationScoped
public class SelfService {

    private final Callers callers;
    private final WritePolicy writePolicy;
    private final CognitoCalls cognito;

    SelfService(Callers callers, WritePolicy writePolicy, CognitoCalls cognito) {
        this.callers = callers;
        this.writePolicy = writePolicy;
        this.cognito = cognito;
    }

    public Uni<UserProfile> me() {
        return callers.selfService()
                .chain(caller -> cognito.getUser(charge(caller), caller.accessToken()))
                .map(CognitoMapping::profile);
    }

    public Uni<UpdateMyAttributesPayload> updateMyAttributes(UpdateMyAttributesInput input) {
        List<UserAttribute> attributes = input.userAttributes();
        return callers.selfService()
                .invoke(caller -> {
                    GatewayException.requireNoViolations(input.violations());
                    writePolicy.requireWritableByUser(attributes.stream().map(UserAttribute::name).toList());
                })
                .chain(caller -> cognito.updateUserAttributes(charge(caller).sendingCode(
                        VerifiedAttributes.changeSendsCode(attributes)), caller.accessToken(),
                        CognitoMapping.attributeTypes(attributes), CognitoMapping.clientMetadata(input.clientMetadata())))
                .map(deliveries -> new UpdateMyAttributesPayload(CognitoMapping.codeDeliveries(deliveries)));
    }

    public Uni<DeleteMyAttributesPayload> deleteMyAttributes(DeleteMyAttributesInput input) {
        return callers.selfService()
                .invoke(caller -> {
                    GatewayException.requireNoViolations(input.violations());
                    writePolicy.requireWritableByUser(input.attributeNames());
                })
                .chain(caller -> cognito.deleteUserAttributes(charge(caller), caller.accessToken(), input.attributeNames()))
                .map(deleted -> new DeleteMyAttributesPayload(input.attributeNames()));
    }

    public Uni<VerifyMyAttributePayload> verifyMyAttribute(VerifyMyAttributeInput input) {
        return callers.selfService()
                .invoke(caller -> GatewayException.requireNoViolations(input.violations()))
                .chain(caller -> cognito.verifyUserAttribute(charge(caller), caller.accessToken(), input.attributeName(),
                        input.code()))
                .map(verified -> new VerifyMyAttributePayload(input.attributeName(), true));
    }

    public Uni<CodeDeliveryDetails> resendMyAttributeVerificationCode(ResendMyAttributeVerificationCodeInput input) {
        return callers.selfService()
                .invoke(caller -> GatewayException.requireNoViolations(input.violations()))
                .chain(caller -> cognito.getUserAttributeVerificationCode(charge(caller), caller.accessToken(),
                        input.attributeName(), CognitoMapping.clientMetadata(input.clientMetadata())))
                // CodeDeliveryDetails is optional in Cognito's answer; what was asked for is still known.
                .map(details -> details == null ? new CodeDeliveryDetails(input.attributeName(), null, null)
                        : CognitoMapping.codeDelivery(details));
    }

    private static Charge charge(Caller caller) {
        return Charge.to(caller.subject());
    }
}
