package dev.attrgateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.attrgateway.support.EmulatorGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code graphql/schema.graphql} is the schema clients generate code from; it must be exactly what the
 * gateway serves. After an intended change, refresh it with {@code ./mvnw verify -Dschema.update}.
 */
@QuarkusTest
@TestProfile(EmulatorGateway.class)
class SchemaFileTest {

    private static final Path SCHEMA_FILE = Path.of("graphql/schema.graphql");

    @Test
    void servedSchemaMatchesTheExportedFile() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (System.getProperty("schema.update") != null) {
            Files.writeString(SCHEMA_FILE, served);
        }
        assertEquals(Files.readString(SCHEMA_FILE), served,
                "The served schema differs from graphql/schema.graphql; if intended, run ./mvnw verify -Dschema.update");
    }
}
