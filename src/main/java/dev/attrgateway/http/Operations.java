package dev.attrgateway.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

/**
 * What the transport needs to know of a document before it runs: the operation's type (GET runs queries
 * only) and how many root fields it has (each one may be a Cognito call). Parsed documents are kept,
 * as clients send the same few documents over and over.
 */
final class Operations {

    /** Root fields of one operation at most: each may call Cognito, whose quotas the whole pool shares. */
    static final int MAX_ROOT_FIELDS = 10;
    private static final int MAX_CACHED_DOCUMENTS = 500;
    /** Client documents are short; a long one is parsed each time rather than kept (bodies go up to 256K). */
    private static final int MAX_CACHED_QUERY_LENGTH = 8 * 1024;
    private static final Map<String, Optional<Document>> DOCUMENTS = new ConcurrentHashMap<>();

    private Operations() {
    }

    /** The operation a request would run, in its document. */
    record Selected(OperationDefinition operation, Document document) {

        boolean changesState() {
            return operation.getOperation() != OperationDefinition.Operation.QUERY;
        }

        /** The root fields the operation selects, through fragments too. */
        int rootFields() {
            Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                    .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (first, second) -> first));
            return count(operation.getSelectionSet(), fragments, 0);
        }
    }

    /** The operation the request would run; empty when the document does not parse or names none. */
    static Optional<Selected> selected(GraphQLRequest request) {
        return document(request.query()).flatMap(document -> {
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            return operations.stream()
                    .filter(operation -> request.operationName() == null ? operations.size() == 1
                            : request.operationName().equals(operation.getName()))
                    .findFirst()
                    .map(operation -> new Selected(operation, document));
        });
    }

    private static int count(SelectionSet selections, Map<String, FragmentDefinition> fragments, int depth) {
        if (selections == null || depth > fragments.size()) {
            return 0;
        }
        int fields = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field) {
                fields++;
            } else if (selection instanceof InlineFragment inline) {
                fields += count(inline.getSelectionSet(), fragments, depth + 1);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                fields += count(fragments.get(spread.getName()).getSelectionSet(), fragments, depth + 1);
            }
        }
        return fields;
    }

    private static Optional<Document> document(String query) {
        Optional<Document> cached = DOCUMENTS.get(query);
        if (cached != null) {
            return cached;
        }
        Optional<Document> parsed;
        try {
            parsed = Optional.of(Parser.parse(query));
        } catch (InvalidSyntaxException e) {
            parsed = Optional.empty();
        }
        if (query.length() <= MAX_CACHED_QUERY_LENGTH) {
            if (DOCUMENTS.size() >= MAX_CACHED_DOCUMENTS) {
                DOCUMENTS.clear();
            }
            DOCUMENTS.put(query, parsed);
        }
        return parsed;
    }
}
