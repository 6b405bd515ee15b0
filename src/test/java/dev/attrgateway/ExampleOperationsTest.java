package dev.attrgateway;

import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.support.DemoUsers;
import dev.attrgateway.support.GraphQL;
import dev.attrgateway.support.StubGateway;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The examples in {@code graphql/operations/}, each sent with its own example variables as the README
 * shows (placeholders filled in), run without error (against the stub, so that they change no emulator user).
 */
@QuarkusTest
@TestProfile(StubGateway.class)
class ExampleOperationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]*>");

    /** Every example of graphql/operations/, by its file name. */
    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("graphql/operations"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".graphql"))
                    .map(name -> name.substring(0, name.length() - ".graphql".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void eachExampleRunsWithItsVariables(String operation) {
        String caller = operation.startsWith("admin") ? "admin" : "alice";
        String body = "{\"query\":" + Json.createValue(GraphQL.operation(operation))
                + ",\"variables\":" + GraphQL.exampleVariables(operation) + "}";

        GraphQL.request(DemoUsers.accessToken(caller)).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(body).post("/graphql").then()
                .statusCode(200)
                .body("errors", nullValue())
                .body("data." + operation, notNullValue());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleVariablesNameNoUserAndUseOnlyThePlaceholdersClientsFill(String operation) throws IOException {
        String variables = Files.readString(Path.of("graphql/operations", operation + ".variables.json"));

        assertFalse(variables.contains("alice") || variables.contains("\"admin\""), variables);
        assertEquals(List.of(), PLACEHOLDER.matcher(variables).results().map(MatchResult::group)
                .filter(placeholder -> !List.of("<username>", "<code>").contains(placeholder)).toList());
    }

    @Test
    void everyOperationOfTheSchemaHasAnExample() throws IOException {
        TypeDefinitionRegistry schema = new SchemaParser().parse(Files.readString(Path.of("graphql/schema.graphql")));
        Stream.of("Query", "Mutation")
                .flatMap(type -> schema.getType(type, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions().stream())
                .map(FieldDefinition::getName)
                .forEach(operation -> {
                    assertTrue(Files.exists(Path.of("graphql/operations", operation + ".graphql")), operation);
                    assertTrue(Files.exists(Path.of("graphql/operations", operation + ".variables.json")), operation);
                });
    }
}
