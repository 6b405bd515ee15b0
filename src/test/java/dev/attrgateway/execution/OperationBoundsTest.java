package dev.attrgateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import graphql.introspection.IntrospectionQuery;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/** Depth and complexity as graphql-java's instrumentations counted them, each fragment measured once. */
class OperationBoundsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{ me { username } }                                                  | 2 | 2",
            "{ me { username email: username } a: me { username } }               | 2 | 5",
            "{ ... on Query { me { username } } }                                 | 2 | 2",
            "{ me { ...F } } fragment F on UserProfile { username attributes { name } } | 3 | 4",
            "{ me { ...F ...F } } fragment F on UserProfile { username }         | 2 | 2",
            "{ __schema { types { fields { type { ofType { name } } } } } }       | 6 | 6",
    })
    void measuresAsGraphQLJavaDid(String document, int depth, int complexity) {
        assertEquals(new OperationBounds.Measure(depth, complexity), measure(document));
    }

    @Test
    void graphiqlsIntrospectionQueryIsWithinTheDefaults() {
        // Documented in application.properties: 13 levels deep, complexity 62 (the defaults are 15 and 100).
        assertEquals(new OperationBounds.Measure(13, 62), measure(IntrospectionQuery.INTROSPECTION_QUERY));
    }

    @Test
    void fragmentsThatSpreadEachOtherTwiceAreMeasuredOnceEach() {
        int fragments = 80;
        String document = "{ ...F0 } " + IntStream.range(0, fragments)
                .mapToObj(i -> "fragment F" + i + " on Query { "
                        + (i + 1 < fragments ? "...F" + (i + 1) + " ...F" + (i + 1) : "me { username }") + " }")
                .collect(Collectors.joining(" "));

        OperationBounds.Measure measure = measure(document);
        // Walked at every spread, this would be 2^80 paths: it would not finish.
        assertEquals(new OperationBounds.Measure(2, 2), measure);
    }

    private static OperationBounds.Measure measure(String text) {
        Document document = new Parser().parseDocument(text);
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity()));
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        return new OperationBounds.Measurer(fragments).of(operation.getSelectionSet());
    }
}
