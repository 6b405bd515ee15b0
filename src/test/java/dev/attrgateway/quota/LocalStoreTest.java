package dev.attrgateway.quota;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.InjectRedis;
import dev.attrgateway.support.StubGateway;
import dev.attrgateway.support.TcpProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With {@code gateway.quota.store=local}, nothing talks to Redis, even with {@code quarkus.redis.hosts} set. */
@QuarkusTest
@TestProfile(StubGateway.class)
class LocalStoreTest {

    @InjectRedis
    TcpProxy redis;

    @Test
    void theLocalStoreNeverConnectsToRedis() {
        for (int i = 0; i < 3; i++) {
            GraphQL.execute("me", DemoUsers.accessToken("alice")).body("errors", nullValue());
            GraphQL.execute("updateMyAttributes", Map.of("input", Map.of("userAttributes",
                    java.util.List.of(GraphQL.attribute("nickname", "Al")))), DemoUsers.accessToken("alice"))
                    .body("errors", nullValue());
        }

        assertEquals(0, redis.acceptedConnections());
    }
}
