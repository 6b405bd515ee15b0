package dev.attrgateway.execution;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Refuses, before any resolver runs, an operation with more root fields than allowed (each may be a Cognito
 * call) and a mutation sent over GET. It looks at the operation graphql-java selected after validation, so
 * that aliases, named and inline fragments and any {@code operationName} count as what will run. Each
 * fragment is walked once, so the work is bounded by the document's size whatever its shape.
 */
final class OperationBounds extends SimplePerformantInstrumentation {

    private final int maxRootFields;

    OperationBounds(int maxRootFields) {
        this.maxRootFields = maxRootFields;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        OperationDefinition operation = execution.getOperationDefinition();
        Set<String> responseKeys = new HashSet<>();
        Set<String> fieldNames = new LinkedHashSet<>();
        collectRootFields(operation.getSelectionSet(), execution.getFragmentsByName(), responseKeys, fieldNames);
        OperationFacts facts = execution.getGraphQLContext().get(OperationFacts.CONTEXT_KEY);
        if (facts != null) {
            facts.selected(operation.getOperation(), List.copyOf(fieldNames));
            if (facts.refusedAsMutationOverGet()) {
                throw new AbortExecutionException("Mutations are accepted over POST only");
            }
        }
        // Fields merged under one response key run once, so keys are what is counted (before @skip/@include).
        if (responseKeys.size() > maxRootFields) {
            throw new AbortExecutionException("An operation may select at most " + maxRootFields + " root fields");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static void collectRootFields(SelectionSet root, Map<String, FragmentDefinition> fragments,
            Set<String> responseKeys, Set<String> fieldNames) {
        Deque<SelectionSet> pending = new ArrayDeque<>(List.of(root));
        Set<String> spreadFragments = new HashSet<>();
        while (!pending.isEmpty()) {
            for (Selection<?> selection : pending.pop().getSelections()) {
                if (selection instanceof Field field) {
                    responseKeys.add(field.getResultKey());
                    fieldNames.add(field.getName());
                } else if (selection instanceof InlineFragment inline) {
                    pending.push(inline.getSelectionSet());
                } else if (selection instanceof FragmentSpread spread && spreadFragments.add(spread.getName())
                        && fragments.containsKey(spread.getName())) {
                    pending.push(fragments.get(spread.getName()).getSelectionSet());
                }
            }
        }
    }
}
