package dev.attrgateway.admin;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.attrgateway.attributes.UserProfile;
import io.smallrye.mutiny.Uni;

/** Operations on any user, for callers with an admin group or scope, with the gateway's AWS credentials. */
@GraphQLApi
public class AdminResource {

    private final AdminService adminService;

    AdminResource(AdminService adminService) {
        this.adminService = adminService;
    }

    @Query("adminGetUser")
    @NonNull
    @Description("Any user's profile, for administrators (Cognito AdminGetUser). "
            + "userPoolId defaults to the gateway's configured user pool.")
    public Uni<UserProfile> adminGetUser(@Name("userPoolId") String userPoolId,
            @Name("username") @NonNull String username) {
        return adminService.adminGetUser(userPoolId, username);
    }

    @Mutation("adminUpdateUserAttributes")
    @NonNull
    @Description("Cognito AdminUpdateUserAttributes with the gateway's own AWS credentials.")
    public Uni<AdminUpdateUserAttributesPayload> adminUpdateUserAttributes(
            @Name("input") @NonNull AdminUpdateUserAttributesInput input) {
        return adminService.adminUpdateUserAttributes(input);
    }

    @Description("The user's profile after the change; read from Cognito only when selected.")
    public Uni<UserProfile> profile(@Source AdminUpdateUserAttributesPayload changed) {
        return adminService.profileAfterUpdate(changed);
    }
}
