package dev.attrgateway.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * Refuses, before any resolver runs, an operation that may make more Cognito calls than allowed (each root field may
 * be one, and each {@code UserProfile} it selects is one more), deeper or more complex than allowed, and a mutation
 * sent over GET. It looks at the operation graphql-java selected after validation, so that aliases, named and inline
 * fragments and any {@code operationName} count as what will run. Each fragment is walked once and its measure
 * reused at every spread, so the work is bounded by the document's size whatever its shape.
 * <p>
 * Depth and complexity are measured as graphql-java's own instrumentations measured them before (a root
 * field is at depth 1, fragments add no level; a field costs 1 plus its selections, a named fragment what it
 * selects once, however often it is spread: GraphiQL's introspection query is 13 deep and costs 62 either way),
 * without their traversal of every path, which made a quarter of the gateway's allocations per request.
 */
final class OperationBounds extends SimplePerformantInstrumentation {

    /** Root fields that run once per operation at most: each checks a guess at a short code. */
    static final Set<String> ONCE_PER_OPERATION = Set.of("verifyMyAttribute");
    /**
     * The type read from Cognito wherever it is selected (GetUser, AdminGetUser): a payload's {@code profile} is a
     * call besides its root field's own.
     */
    static final String READ_FROM_COGNITO = "UserProfile";

    private final int maxCognitoCalls;
    private final int maxDepth;
    private final int maxComplexity;

    OperationBounds(int maxCognitoCalls, int maxDepth, int maxComplexity) {
        this.maxCognitoCalls = maxCognitoCalls;
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        OperationDefinition operation = execution.getOperationDefinition();
        Map<String, List<Field>> rootFields = new LinkedHashMap<>();
        collectRootFields(operation.getSelectionSet(), execution.getFragmentsByName(), rootFields);
        List<String> fieldNames = rootFields.values().stream().map(fields -> fields.get(0).getName()).toList();
        OperationFacts facts = execution.getGraphQLContext().get(OperationFacts.CONTEXT_KEY);
        if (facts != null) {
            facts.selected(operation.getOperation(), fieldNames.stream().distinct().toList());
            if (facts.refusedAsMutationOverGet()) {
                throw new AbortExecutionException("Mutations are accepted over POST only");
            }
        }
        int cognitoCalls = cognitoCalls(execution, rootFields);
        if (cognitoCalls > maxCognitoCalls) {
            throw new AbortExecutionException("An operation may make at most " + maxCognitoCalls
                    + " Cognito calls: one per root field, and one per profile it selects");
        }
        for (String once : ONCE_PER_OPERATION) {
            if (Collections.frequency(fieldNames, once) > 1) {
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

    /** The root fields by response key, in the order they come; the fields merged under a key together. */
    private static void collectRootFields(SelectionSet root, Map<String, FragmentDefinition> fragments,
            Map<String, List<Field>> rootFields) {
        forEachField(root, fragments,
                field -> rootFields.computeIfAbsent(field.getResultKey(), key -> new ArrayList<>()).add(field));
    }

    /**
     * The Cognito calls an operation may make: one per root field, by response key (fields merged under one key run
     * once; counted before {@code @skip} and {@code @include}), and one per profile selected below one. Profiles are
     * counted only when the root fields are within the bound, which keeps the walk short.
     */
    private int cognitoCalls(ExecutionContext execution, Map<String, List<Field>> rootFields) {
        int calls = rootFields.size();
        if (calls > maxCognitoCalls) {
            return calls;
        }
        GraphQLSchema schema = execution.getGraphQLSchema();
        GraphQLObjectType rootType = switch (execution.getOperationDefinition().getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        for (List<Field> merged : rootFields.values()) {
            calls += profilesSelected(rootType, merged, execution.getFragmentsByName());
        }
        return calls;
    }

    /**
     * The {@link #READ_FROM_COGNITO} fields right below one root field (the fields merged under its key), by response
     * key: each key is read once.
     */
    private static int profilesSelected(GraphQLObjectType rootType, List<Field> merged,
            Map<String, FragmentDefinition> fragments) {
        GraphQLFieldDefinition root = rootType == null ? null : rootType.getFieldDefinition(merged.get(0).getName());
        if (root == null || !(GraphQLTypeUtil.unwrapAll(root.getType()) instanceof GraphQLObjectType payload)) {
            return 0;
        }
        Set<String> responseKeys = new HashSet<>();
        Set<String> spreadFragments = new HashSet<>();
        for (Field field : merged) {
            forEachField(field.getSelectionSet(), fragments, spreadFragments, selected -> {
                GraphQLFieldDefinition definition = payload.getFieldDefinition(selected.getName());
                if (definition != null
                        && GraphQLTypeUtil.unwrapAll(definition.getType()).getName().equals(READ_FROM_COGNITO)) {
                    responseKeys.add(selected.getResultKey());
                }
            });
        }
        return responseKeys.size();
    }

    private static void forEachField(SelectionSet selections, Map<String, FragmentDefinition> fragments,
            Consumer<Field> action) {
        forEachField(selections, fragments, new HashSet<>(), action);
    }

    /** The fields of a selection set and of the fragments in it, each named fragment once. */
    private static void forEachField(SelectionSet selections, Map<String, FragmentDefinition> fragments,
            Set<String> spreadFragments, Consumer<Field> action) {
        Deque<SelectionSet> pending = new ArrayDeque<>();
        if (selections != null) {
            pending.push(selections);
        }
        while (!pending.isEmpty()) {
            for (Selection<?> selection : pending.pop().getSelections()) {
                if (selection instanceof Field field) {
                    action.accept(field);
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
