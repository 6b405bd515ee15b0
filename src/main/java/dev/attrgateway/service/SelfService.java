package dev.attrgateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.error.FaultMapper;
import dev.attrgateway.model.UserProfile;
import dev.attrgateway.security.AccessPolicy;
import io.smallrye.mutiny.Uni;

/** A signed-in user's own profile and attributes, with the user's own access token. */
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
                .chain(caller -> cognito.getUser(caller.accessToken()))
                .map(CognitoMapping::profile)
                .onFailure().transform(FaultMapper::toGatewayException);
    }
}
