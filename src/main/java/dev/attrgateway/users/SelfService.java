package dev.attrgateway.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attrgateway.attributes.CodeDeliveryDetails;
import dev.attrgateway.attributes.CognitoMapping;
import dev.attrgateway.attributes.UserAttribute;
import dev.attrgateway.attributes.UserProfile;
import dev.attrgateway.attributes.VerifiedAttributes;
import dev.attrgateway.attributes.WritePolicy;
import dev.attrgateway.cognito.Charge;
import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.error.ErrorCode;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.error.Violation;
import dev.attrgateway.pool.AttributeDefinition;
import dev.attrgateway.pool.ChangeOutcomes;
import dev.attrgateway.pool.PoolConfiguration;
import dev.attrgateway.pool.PoolConfigurations;
import dev.attrgateway.pool.PoolRules;
import dev.attrgateway.security.Caller;
import dev.attrgateway.security.Callers;
import io.smallrye.mutiny.Uni;

/**
 * A signed-in user's own profile and attributes, with the user's own access token. Each operation checks the caller,
 * then the input (its record's rules and the pool's, then the write policy), and only then calls Cognito.
 */
@ApplicationScoped
public class SelfService {

    private final Callers callers;
    private final WritePolicy writePolicy;
    private final CognitoCalls cognito;
    private final PoolConfigurations pools;

    SelfService(Callers callers, WritePolicy writePolicy, CognitoCalls cognito, PoolConfigurations pools) {
        this.callers = callers;
        this.writePolicy = writePolicy;
        this.cognito = cognito;
        this.pools = pools;
    }

    public Uni<UserProfile> me() {
        return callers.selfService()
                .chain(caller -> cognito.getUser(charge(caller), caller.accessToken()))
                .map(CognitoMapping::profile);
    }

    public Uni<UpdateMyAttributesPayload> updateMyAttributes(UpdateMyAttributesInput input) {
        List<UserAttribute> attributes = input.userAttributes();
        Optional<PoolConfiguration> pool = pools.served();
        return callers.selfService()
                .invoke(caller -> {
                    List<Violation> violations = new ArrayList<>(input.violations());
                    violations.addAll(poolRules(caller, pool).changes("input.userAttributes", attributes, violations));
                    GatewayException.requireNoViolations(violations);
                    writePolicy.requireWritableByUser(attributes.stream().map(UserAttribute::name).toList());
                })
                .chain(caller -> cognito.updateUserAttributes(charge(caller).sendingCode(
                        VerifiedAttributes.changeSendsCode(attributes)), caller.accessToken(),
                        CognitoMapping.attributeTypes(attributes), CognitoMapping.clientMetadata(input.clientMetadata())))
                .map(CognitoMapping::codeDeliveries)
                .map(deliveries -> new UpdateMyAttributesPayload(deliveries,
                        ChangeOutcomes.ofUser(attributes, pool, deliveries)));
    }

    public Uni<DeleteMyAttributesPayload> deleteMyAttributes(DeleteMyAttributesInput input) {
        return callers.selfService()
                .invoke(caller -> {
                    List<Violation> violations = new ArrayList<>(input.violations());
                    violations.addAll(poolRules(caller, pools.served()).deletions("input.attributeNames",
                            input.attributeNames(), violations));
                    GatewayException.requireNoViolations(violations);
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

    /** The pool's attributes as this caller may use them, from the configuration last read: no Cognito call. */
    public Uni<List<AttributeDefinition>> attributeDefinitions() {
        return callers.selfService().map(caller -> {
            PoolConfiguration pool = pools.served().orElseThrow(() -> GatewayException.of(
                    ErrorCode.UPSTREAM_UNAVAILABLE, "The user pool's configuration could not be read yet"));
            return pool.attributes().values().stream().map(attribute -> new AttributeDefinition(attribute.name(),
                    attribute.type(), attribute.required(), attribute.mutable(),
                    poolRules(caller, Optional.of(pool)).writable(attribute.name()), pool.sendsCode(attribute.name()),
                    pool.keepsUntilVerified(attribute.name()), attribute.minLength(), attribute.maxLength())).toList();
        });
    }

    private PoolRules poolRules(Caller caller, Optional<PoolConfiguration> pool) {
        return PoolRules.forUser(pool, caller.clientId(), writePolicy.readOnlyForUsers()::contains);
    }

    private static Charge charge(Caller caller) {
        return Charge.to(caller.subject());
    }
}
