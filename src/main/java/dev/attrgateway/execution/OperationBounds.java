package dev.attrgateway.execution;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
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
 * call), deeper or more complex than allowed, and a mutation sent over GET. It looks at the operation
 * graphql-java selected after validation, so that aliases, named and inline fragments and any
 * {@code operationName} count as what will run. Each fragment is walked once and its measure reused at every
 * spread, so the work is bounded by the document's size whatever its shape.
 * <p>
 * Depth and complexity are measured as graphql-java's own instrumentations measured them before (a root
 * field is at depth 1, fragments add no level; a field costs 1 plus its selections, a named fragment what it
 * selects once, however often it is spread: GraphiQL's introspection query is 13 deep and costs 62 either way),
 * without their traversal of every path, which made a quarter of the gateway's allocations per request.
 */
final class OperationBounds extends SimplePerformantInstrumentation {

    /** Root fields that run once per operation at most: each checks a guess at a short code. */
    static final Set<String> ONCE_PER_OPERATION = Set.of("verifyMyAttribute");

    private final int maxRootFields;
    private final int maxDepth;
    private final int maxComplexity;

    OperationBounds(int maxRootFields, int maxDepth, int maxComplexity) {
        this.maxRootFields = maxRootFields;
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        OperationDefinition operation = execution.getOperationDefinition();
        Map<String, String> responseKeys = new HashMap<>();
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
        for (String once : ONCE_PER_OPERATION) {
            if (Collections.frequency(responseKeys.values(), once) > 1) {
                throw new AbortExecutionException("An operation may select " + once + " once");
            }
        }
        Measure measure = new Measurer(execution.getFragmentsByName()).of(operation.getSelectionSet());
        if (measure.depth() > maxDepth) {
            throw new AbortExecutionException("maximum query depth exceeded " + measure.depth() + " > " + maxDepth);
        }
        if (measure.complexity() > maxComplexity) {
            throw new AbortExecutionException(
                    "maximum query complexity exceeded " + measure.complexity() + " > " + maxComplexity);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** The root fields' response keys, each with its field's name, and the names in the order they come. */
    private static void collectRootFields(SelectionSet root, Map<String, FragmentDefinition> fragments,
            Map<String, String> responseKeys, Set<String> fieldNames) {
        Deque<SelectionSet> pending = new ArrayDeque<>(List.of(root));
        Set<String> spreadFragments = new HashSet<>();
        while (!pending.isEmpty()) {
            for (Selection<?> selection : pending.pop().getSelections()) {
                if (selection instanceof Field field) {
                    responseKeys.put(field.getResultKey(), field.getName());
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

    /** The depth of the deepest field under a selection set, and the complexity of all of them. */
    record Measure(int depth, int complexity) {

        static final Measure NONE = new Measure(0, 0);

        Measure and(Measure other) {
            return new Measure(Math.max(depth, other.depth), complexity + other.complexity);
        }

        /** This measure as the selections of one field. */
        Measure underAField() {
            return new Measure(depth + 1, complexity + 1);
        }
    }

    /** Measures selection sets, each named fragment once: at a later spread, it adds its depth only. */
    static final class Measurer {

        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Measure> fragmentMeasures = new HashMap<>();

        Measurer(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        Measure of(SelectionSet selectionSet) {
            Measure measure = Measure.NONE;
            if (selectionSet == null) {
                return measure;
            }
            for (Selection<?> selection : selectionSet.getSelections()) {
                if (selection instanceof Field field) {
                    measure = measure.and(of(field.getSelectionSet()).underAField());
                } else if (selection instanceof InlineFragment inline) {
                    measure = measure.and(of(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    measure = measure.and(ofFragment(spread.getName()));
                }
            }
            return measure;
        }

        private Measure ofFragment(String name) {
            Measure known = fragmentMeasures.get(name);
            if (known != null) {
                return new Measure(known.depth(), 0);
            }
            // Validation refuses fragment cycles before execution; should one get here, it counts for nothing.
            fragmentMeasures.put(name, Measure.NONE);
            FragmentDefinition fragment = fragments.get(name);
            Measure measure = fragment == null ? Measure.NONE : of(fragment.getSelectionSet());
            fragmentMeasures.put(name, measure);
            return measure;
        }
    }
}
