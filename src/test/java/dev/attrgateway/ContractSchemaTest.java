package dev.attrgateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * The exported schema (which {@link SchemaFileTest} holds to what is served) keeps every type, field,
 * argument, input field and enum value of the public contract, with the same types and nullability,
 * and asks clients for nothing new.
 */
class ContractSchemaTest {

    @Test
    void theServedSchemaKeepsTheContract() throws IOException {
        TypeDefinitionRegistry contract = parse(Path.of("src/test/resources/contract/schema.graphql"));
        TypeDefinitionRegistry served = parse(Path.of("graphql/schema.graphql"));
        List<String> differences = new ArrayList<>();

        for (TypeDefinition<?> expected : contract.types().values()) {
            Optional<TypeDefinition> actual = served.getType(expected.getName());
            if (actual.isEmpty() || actual.get().getClass() != expected.getClass()) {
                differences.add(expected.getName() + ": missing, or of another kind");
            } else if (expected instanceof ObjectTypeDefinition object) {
                compareFields(object, (ObjectTypeDefinition) actual.get(), differences);
            } else if (expected instanceof InputObjectTypeDefinition input) {
                compareInputValues(input.getName(), input.getInputValueDefinitions(),
                        ((InputObjectTypeDefinition) actual.get()).getInputValueDefinitions(), differences);
            } else if (expected instanceof EnumTypeDefinition enumType) {
                List<String> values = enumType.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).sorted().toList();
                List<String> servedValues = ((EnumTypeDefinition) actual.get()).getEnumValueDefinitions().stream()
                        .map(EnumValueDefinition::getName).sorted().toList();
                if (!values.equals(servedValues)) {
                    differences.add(expected.getName() + ": values " + servedValues + " instead of " + values);
                }
            }
        }

        assertEquals(List.of(), differences);
    }

    private static void compareFields(ObjectTypeDefinition expected, ObjectTypeDefinition actual, List<String> differences) {
        Map<String, FieldDefinition> servedFields = byName(actual.getFieldDefinitions(), FieldDefinition::getName);
        for (FieldDefinition field : expected.getFieldDefinitions()) {
            String where = expected.getName() + "." + field.getName();
            FieldDefinition served = servedFields.get(field.getName());
            if (served == null) {
                differences.add(where + ": missing");
                continue;
            }
            if (!AstPrinter.printAst(field.getType()).equals(AstPrinter.printAst(served.getType()))) {
                differences.add(where + ": " + AstPrinter.printAst(served.getType()) + " instead of "
                        + AstPrinter.printAst(field.getType()));
            }
            compareInputValues(where, field.getInputValueDefinitions(), served.getInputValueDefinitions(), differences);
        }
    }

    private static void compareInputValues(String owner, List<InputValueDefinition> expected,
            List<InputValueDefinition> actual, List<String> differences) {
        Map<String, InputValueDefinition> served = byName(actual, InputValueDefinition::getName);
        for (InputValueDefinition value : expected) {
            InputValueDefinition servedValue = served.remove(value.getName());
            if (servedValue == null) {
                differences.add(owner + "(" + value.getName() + "): missing");
            } else if (!AstPrinter.printAst(value.getType()).equals(AstPrinter.printAst(servedValue.getType()))) {
                differences.add(owner + "(" + value.getName() + "): " + AstPrinter.printAst(servedValue.getType())
                        + " instead of " + AstPrinter.printAst(value.getType()));
            }
        }
        served.values().stream()
                .filter(extra -> extra.getType() instanceof NonNullType && extra.getDefaultValue() == null)
                .forEach(extra -> differences.add(owner + "(" + extra.getName() + "): a new required input"));
    }

    private static <T> Map<String, T> byName(List<T> definitions, Function<T, String> name) {
        return definitions.stream().collect(Collectors.toMap(name, d -> d, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static TypeDefinitionRegistry parse(Path file) throws IOException {
        return new SchemaParser().parse(Files.readString(file));
    }
}
