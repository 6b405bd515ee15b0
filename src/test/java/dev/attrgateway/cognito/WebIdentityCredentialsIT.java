package dev.attrgateway.cognito;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.WebIdentityGatewayResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The built artifact with IRSA-style credentials only: the gateway's own calls are signed with keys it got from
 * STS for its web identity token. In the native executable this needs the SDK's HTTP client service file.
 */
@QuarkusIntegrationTest
@WithTestResource(WebIdentityGatewayResource.class)
class WebIdentityCredentialsIT {

    @Test
    void assumesItsRoleThroughStsForAdminCalls() {
        GraphQL.execute("adminGetUser", Map.of("username", "alice"), DemoUsers.accessToken("admin")).statusCode(200)
                .body("errors", nullValue())
                .body("data.adminGetUser.username", equalTo("alice"));
        assertTrue(WebIdentityGatewayResource.STS_REQUESTS.stream()
                .anyMatch(body -> body.contains("Action=AssumeRoleWithWebIdentity")), WebIdentityGatewayResource.STS_REQUESTS::toString);
    }
}
