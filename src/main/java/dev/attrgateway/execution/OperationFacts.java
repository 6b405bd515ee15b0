package dev.attrgateway.execution;

import java.util.List;

import graphql.language.OperationDefinition;

/**
 * What one request's execution learns about the operation it runs, for the transport: the transport
 * creates it (saying whether the request came over GET) and hands it to the execution in the GraphQL
 * context; the execution records the selected operation.
 */
public final class OperationFacts {

    /** The key under which the transport puts this object into the execution's GraphQL context. */
    public static final String CONTEXT_KEY = OperationFacts.class.getName();

    private final boolean queriesOnly;
    private OperationDefinition.Operation type;
    private List<String> rootFields = List.of();

    private OperationFacts(boolean queriesOnly) {
        this.queriesOnly = queriesOnly;
    }

    /** For a request that may run queries only (GET), or any operation (POST). */
    public static OperationFacts forRequest(boolean queriesOnly) {
        return new OperationFacts(queriesOnly);
    }

    public boolean queriesOnly() {
        return queriesOnly;
    }

    /** True when the selected operation changes state and the request may run queries only: it was refused. */
    public boolean refusedAsMutationOverGet() {
        return queriesOnly && type != null && type != OperationDefinition.Operation.QUERY;
    }

    /** The root fields' names of the selected operation (not their aliases), once it has been selected. */
    public List<String> rootFields() {
        return rootFields;
    }

    void selected(OperationDefinition.Operation type, List<String> rootFields) {
        this.type = type;
        this.rootFields = rootFields;
    }
}
