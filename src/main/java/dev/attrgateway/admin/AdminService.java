package dev.attrgateway.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.error.FaultMapper;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.admin.AdminUpdateUserAttributesInput;
import dev.attrgateway.admin.AdminUpdateUserAttributesPayload;
import dev.attrgateway.attributes.UserAttribute;
import dev.attrgateway.attributes.UserProfile;
import dev.attrgateway.security.AccessPolicy;
import dev.attrgateway.admin.AuditLog;
import dev.attrgateway.attributes.InputRules;
import dev.attrgateway.attributes.CognitoMapping;
import io.smallrye.mutiny.Uni;

/** Any user's profile and attributes, for administrators, with the gateway's own AWS credentials. */
@ApplicationScoped
public class AdminService {

    private static final String SUCCESS = "OK";

    private final AccessPolicy accessPolicy;
    private final CognitoCalls cognito;
    private final AuditLog auditLog;

    AdminService(AccessPolicy accessPolicy, CognitoCalls cognito, AuditLog auditLog) {
        this.accessPolicy = accessPolicy;
        this.cognito = cognito;
        this.auditLog = auditLog;
    }

    /** The claims are checked first, then the input, and only then is Cognito asked: about the admin, then the user. */
    public Uni<UserProfile> adminGetUser(String userPoolId, String username) {
        return accessPolicy.adminCaller()
                .chain(caller -> {
                    InputRules.checkAdminGetUser(userPoolId, username);
                    String pool = accessPolicy.userPoolFor(userPoolId);
                    return accessPolicy.confirmAdmin(caller)
                            .chain(() -> cognito.adminGetUser(caller.subject(), pool, username));
                })
                .map(CognitoMapping::profile);
    }

    /** Each attempt of an authenticated caller, refused or not, leaves one audit line. */
    public Uni<AdminUpdateUserAttributesPayload> adminUpdateUserAttributes(AdminUpdateUserAttributesInput input) {
        List<String> attributeNames = input.userAttributes().stream().map(UserAttribute::name).toList();
        String pool = accessPolicy.requestedUserPool(input.userPoolId());
        return accessPolicy.authenticatedCaller().chain(caller -> Uni.createFrom()
                .deferred(() -> {
                    accessPolicy.requireAdmin(caller);
                    InputRules.check(input);
                    String allowedPool = accessPolicy.userPoolFor(input.userPoolId());
                    return accessPolicy.confirmAdmin(caller).chain(() -> cognito.adminUpdateUserAttributes(
                            caller.subject(), allowedPool, input.username(),
                            CognitoMapping.attributeTypes(input.userAttributes()),
                            CognitoMapping.clientMetadata(input.clientMetadata())));
                })
                .onFailure().transform(FaultMapper::toGatewayException)
                .onItemOrFailure().invoke((requestId, failure) -> {
                    GatewayException refusal = (GatewayException) failure;
                    auditLog.adminUpdate(caller.name(), pool, input.username(), attributeNames,
                            refusal == null ? SUCCESS : refusal.code(),
                            refusal == null ? requestId : refusal.requestId().orElse(null));
                }))
                .map(requestId -> new AdminUpdateUserAttributesPayload(pool, input.username(), attributeNames));
    }
}
