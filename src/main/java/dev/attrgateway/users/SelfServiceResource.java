package dev.attrgateway.users;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.attrgateway.attributes.CodeDeliveryDetails;
import dev.attrgateway.attributes.UserProfile;
import dev.attrgateway.pool.AttributeDefinition;
import io.smallrye.mutiny.Uni;

/**
 * The signed-in user's own operations, authorized by the caller's access token, and the {@code profile} of their
 * payloads: read back (GetUser) only when a client selects it, once the change is done.
 */
@GraphQLApi
public class SelfServiceResource {

    private final SelfService selfService;

    SelfServiceResource(SelfService selfService) {
        this.selfService = selfService;
    }

    @Query("me")
    @NonNull
    @Description("The caller's own profile, read with the caller's access token (Cognito GetUser).")
    public Uni<UserProfile> me() {
        return selfService.me();
    }

    @Query("attributeDefinitions")
    @NonNull
    @Description("The pool's attributes as the caller may use them, to build profile forms. Served from the gateway's"
            + " cached pool configuration (no Cognito call per request).")
    public Uni<List<@NonNull AttributeDefinition>> attributeDefinitions() {
        return selfService.attributeDefinitions();
    }

    @Mutation("updateMyAttributes")
    @NonNull
    @Description("Cognito UpdateUserAttributes with the caller's own access token.")
    public Uni<UpdateMyAttributesPayload> updateMyAttributes(@Name("input") @NonNull UpdateMyAttributesInput input) {
        return selfService.updateMyAttributes(input);
    }

    @Mutation("deleteMyAttributes")
    @NonNull
    @Description("Cognito DeleteUserAttributes with the caller's own access token.")
    public Uni<DeleteMyAttributesPayload> deleteMyAttributes(@Name("input") @NonNull DeleteMyAttributesInput input) {
        return selfService.deleteMyAttributes(input);
    }

    @Mutation("verifyMyAttribute")
    @NonNull
    @Description("Cognito VerifyUserAttribute: confirms a pending email / phone_number change with the code sent.")
    public Uni<VerifyMyAttributePayload> verifyMyAttribute(@Name("input") @NonNull VerifyMyAttributeInput input) {
        return selfService.verifyMyAttribute(input);
    }

    @Mutation("resendMyAttributeVerificationCode")
    @NonNull
    @Description("Cognito GetUserAttributeVerificationCode: sends the code again.")
    public Uni<CodeDeliveryDetails> resendMyAttributeVerificationCode(
            @Name("input") @NonNull ResendMyAttributeVerificationCodeInput input) {
        return selfService.resendMyAttributeVerificationCode(input);
    }

    @Description("The caller's profile after the change; read from Cognito only when selected.")
    public Uni<UserProfile> profile(@Source UpdateMyAttributesPayload changed) {
        return selfService.me();
    }

    @Description("The caller's profile after the change; read from Cognito only when selected.")
    public Uni<UserProfile> profile(@Source DeleteMyAttributesPayload changed) {
        return selfService.me();
    }

    @Description("The caller's profile after the verification; read from Cognito only when selected.")
    public Uni<UserProfile> profile(@Source VerifyMyAttributePayload verified) {
        return selfService.me();
    }
}
