package dev.attrgateway.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attrgateway.attributes.CognitoMapping;
import dev.attrgateway.attributes.InputRules;
import dev.attrgateway.attributes.UserAttribute;
import dev.attrgateway.attributes.UserProfile;
import dev.attrgateway.cognito.Charge;
import dev.attrgateway.cognito.CognitoCalls;
import dev.attrgateway.error.GatewayException;
import dev.attrgateway.error.Violation;
import dev.attrgateway.pool.AliasGuard;
import dev.attrgateway.pool.ChangeOutcomes;
import dev.attrgateway.pool.PoolConfiguration;
import dev.attrgateway.pool.PoolConfigurations;
import dev.attrgateway.pool.PoolRules;
import dev.attrgateway.security.AdminRights;
import dev.attrgateway.security.Caller;
import dev.attrgateway.security.Callers;
import io.smallrye.mutiny.Uni;

/**
 * Any user's profile and attributes, for administrators, with the gateway's own AWS credentials. Every admin
 * operation goes the same way ({@link #asAdmin}): the caller's claims, then the pool, then the input (its record's
 * rules and the named pool's own), then Cognito's confirmation of the caller's rights, and only then the operation;
 * a change is first checked for alias theft ({@link AliasGuard}), and leaves an audit line whatever the outcome, once
 * the caller is known.
 */
@ApplicationScoped
public class AdminService {

    private static final String SUCCESS = "OK";

    private final Callers callers;
    private final AdminRights rights;
    private final CognitoCalls cognito;
    private final AuditLog auditLog;
    private final PoolConfigurations pools;
    private final AliasGuard aliasGuard;

    AdminService(Callers callers, AdminRights rights, CognitoCalls cognito, AuditLog auditLog,
            PoolConfigurations pools, AliasGuard aliasGuard) {
        this.callers = callers;
        this.rights = rights;
        this.cognito = cognito;
        this.auditLog = auditLog;
        this.pools = pools;
        this.aliasGuard = aliasGuard;
    }

    public Uni<UserProfile> adminGetUser(String userPoolId, String username) {
        List<Violation> violations = InputRules.check().userPoolId("userPoolId", userPoolId)
                .username("username", username).violations();
        return callers.authenticated()
                .chain(caller -> asAdmin(caller, userPoolId, violations,
                        pool -> cognito.adminGetUser(Charge.to(caller.subject()), pool, username)))
                .map(CognitoMapping::profile);
    }

    public Uni<AdminUpdateUserAttributesPayload> adminUpdateUserAttributes(AdminUpdateUserAttributesInput input) {
        List<UserAttribute> attributes = input.userAttributes();
        List<String> attributeNames = attributes.stream().map(UserAttribute::name).toList();
        String pool = rights.requestedPool(input.userPoolId());
        Optional<PoolConfiguration> configuration = pools.of(pool);
        List<Violation> violations = new ArrayList<>(input.violations());
        violations.addAll(PoolRules.forAdministrator(configuration).changes("input.userAttributes", attributes,
                violations));
        return callers.authenticated().chain(caller -> asAdmin(caller, input.userPoolId(), violations,
                allowedPool -> aliasGuard.requireNoOtherHolder(Charge.to(caller.subject()), allowedPool,
                        input.username(), attributes, configuration)
                        .chain(() -> cognito.adminUpdateUserAttributes(Charge.to(caller.subject()), allowedPool,
                                input.username(), CognitoMapping.attributeTypes(attributes),
                                CognitoMapping.clientMetadata(input.clientMetadata()))))
                .onFailure().transform(GatewayException::from)
                .onItemOrFailure().invoke((requestId, failure) -> {
                    GatewayException refusal = (GatewayException) failure;
                    auditLog.adminUpdate(caller.name(), pool, input.username(), attributeNames,
                            refusal == null ? SUCCESS : refusal.code(),
                            refusal == null ? requestId : refusal.requestId().orElse(null));
                }))
                .map(requestId -> new AdminUpdateUserAttributesPayload(pool, input.username(), attributeNames,
                        ChangeOutcomes.ofAdministrator(attributes, configuration)));
    }

    /**
     * The profile of a user an admin has just changed (AdminGetUser), on the pool acted on. The payload exists only
     * once the admin pipeline let the change through, so the caller's rights are not confirmed again.
     */
    public Uni<UserProfile> profileAfterUpdate(AdminUpdateUserAttributesPayload changed) {
        return callers.authenticated()
                .chain(caller -> cognito.adminGetUser(Charge.to(caller.subject()), changed.userPoolId(),
                        changed.username()))
                .map(CognitoMapping::profile);
    }

    /**
     * The admin pipeline: an admin by the token's claims, a pool the gateway serves, an input without violations (a
     * malformed pool id among them), an admin still by Cognito's answer; then the operation, on the pool.
     */
    private <T> Uni<T> asAdmin(Caller caller, String userPoolId, List<Violation> violations,
            Function<String, Uni<T>> operation) {
        return Uni.createFrom().deferred(() -> {
            rights.requireClaims(caller);
            rights.requireAllowedPool(userPoolId);
            GatewayException.requireNoViolations(violations);
            return rights.confirm(caller).chain(() -> operation.apply(rights.requestedPool(userPoolId)));
        });
    }
}
