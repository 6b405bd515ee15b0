package dev.attrgateway.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.attrgateway.model.UserProfile;
import dev.attrgateway.service.SelfService;
import io.smallrye.mutiny.Uni;

/** The signed-in user's own operations, authorized by the caller's access token. */
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
}
