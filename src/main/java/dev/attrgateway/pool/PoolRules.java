package dev.attrgateway.pool;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.attrgateway.attributes.InputRules;
import dev.attrgateway.attributes.UserAttribute;
import dev.attrgateway.error.Violation;

/**
 * The rules a change must follow in the pool it runs against, from the pool's configuration: only attributes of its
 * schema, none that is immutable, for users none that is developer-only or left out of their app client's write
 * list, values within the schema's bounds, no required attribute deleted. Without a configuration (never read) there
 * are none: Cognito still enforces its schema. An element that already broke an input rule, or a list longer than
 * the gateway's bound, is not looked at again. Messages never quote a value.
 */
public final class PoolRules {

    /** Who writes: users with their own token, through their app client, or administrators. */
    public enum Writer {
        USER,
        ADMINISTRATOR
    }

    private static final Set<String> BOOLEANS = Set.of("true", "false");

    private final PoolConfiguration pool;
    private final Writer writer;
    private final String clientId;
    private final Predicate<String> refusedElsewhere;

    private PoolRules(PoolConfiguration pool, Writer writer, String clientId, Predicate<String> refusedElsewhere) {
        this.pool = pool;
        this.writer = writer;
        this.clientId = clientId;
        this.refusedElsewhere = refusedElsewhere;
    }

    /**
     * A user's changes, through the token's app client; names the write policy refuses ({@code FORBIDDEN}) are left
     * to it.
     */
    public static PoolRules forUser(Optional<PoolConfiguration> pool, String clientId, Predicate<String> readOnly) {
        return new PoolRules(pool.orElse(null), Writer.USER, clientId, readOnly);
    }

    public static PoolRules forAdministrator(Optional<PoolConfiguration> pool) {
        return new PoolRules(pool.orElse(null), Writer.ADMINISTRATOR, null, name -> false);
    }

    /** Whether the writer may write the attribute at all: the write policy, the schema, the app client. */
    public boolean writable(String name) {
        return pool != null && !(writer == Writer.USER && refusedElsewhere.test(name)) && nameProblem(name).isEmpty();
    }

    /** The violations of attributes to write (a blank value deletes), besides those already {@code found}. */
    public List<Violation> changes(String field, List<UserAttribute> attributes, List<Violation> found) {
        List<Violation> violations = new ArrayList<>();
        if (pool == null || attributes.size() > InputRules.MAX_ATTRIBUTES) {
            return violations;
        }
        for (int i = 0; i < attributes.size(); i++) {
            String element = field + "[" + i + "]";
            UserAttribute attribute = attributes.get(i);
            if (!broken(element, found)) {
                check(element + ".name", element + ".value", attribute.name(), attribute.value(), violations);
            }
        }
        return violations;
    }

    /** The violations of attributes to delete, besides those already {@code found}. */
    public List<Violation> deletions(String field, List<String> names, List<Violation> found) {
        List<Violation> violations = new ArrayList<>();
        if (pool == null || names.size() > InputRules.MAX_ATTRIBUTES) {
            return violations;
        }
        for (int i = 0; i < names.size(); i++) {
            String element = field + "[" + i + "]";
            if (!broken(element, found)) {
                check(element, element, names.get(i), null, violations);
            }
        }
        return violations;
    }

    private void check(String nameField, String valueField, String name, String value, List<Violation> violations) {
        if (writer == Writer.USER && refusedElsewhere.test(name)) {
            return;
        }
        Optional<String> nameProblem = nameProblem(name);
        if (nameProblem.isPresent()) {
            violations.add(new Violation(nameField, nameProblem.get()));
            return;
        }
        PoolAttribute attribute = pool.attribute(name).orElseThrow();
        if (value == null || value.isEmpty()) {
            if (attribute.required()) {
                violations.add(new Violation(valueField, "is required by the user pool and cannot be deleted"));
            }
            return;
        }
        valueProblem(attribute, value).ifPresent(problem -> violations.add(new Violation(valueField, problem)));
    }

    /** Why the writer may not write the attribute, whatever the value, if so. */
    private Optional<String> nameProblem(String name) {
        Optional<PoolAttribute> known = pool.attribute(name);
        if (known.isEmpty()) {
            return Optional.of("is not an attribute of the user pool");
        }
        if (!known.get().mutable()) {
            return Optional.of("is immutable in the user pool");
        }
        if (writer == Writer.USER && known.get().developerOnly()) {
            return Optional.of("is developer-only: only an administrator may change it");
        }
        if (writer == Writer.USER && !pool.writableThrough(clientId).map(w -> w.contains(name)).orElse(true)) {
            return Optional.of("is not writable through the caller's app client");
        }
        return Optional.empty();
    }

    private static Optional<String> valueProblem(PoolAttribute attribute, String value) {
        return switch (attribute.type()) {
            case STRING -> length(attribute, value.codePointCount(0, value.length()));
            case NUMBER -> number(attribute, value);
            case BOOLEAN -> BOOLEANS.contains(value) ? Optional.empty() : Optional.of("must be true or false");
            case DATETIME -> Optional.empty();
        };
    }

    private static Optional<String> length(PoolAttribute attribute, int length) {
        // A value is never empty here (empty deletes), so a minimum of 0 or 1 bounds nothing.
        Integer min = attribute.minLength() != null && attribute.minLength() > 1 ? attribute.minLength() : null;
        Integer max = attribute.maxLength();
        if ((min == null || length >= min) && (max == null || length <= max)) {
            return Optional.empty();
        }
        if (min != null && max != null) {
            return Optional.of(min.equals(max) ? "must be " + min + " characters"
                    : "must be " + min + " to " + max + " characters");
        }
        return Optional.of(min != null ? "must be at least " + min + " characters"
                : "must be at most " + max + " characters");
    }

    private static Optional<String> number(PoolAttribute attribute, String value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return Optional.of("must be a number");
        }
        Long min = attribute.minValue();
        Long max = attribute.maxValue();
        if ((min == null || number.compareTo(BigDecimal.valueOf(min)) >= 0)
                && (max == null || number.compareTo(BigDecimal.valueOf(max)) <= 0)) {
            return Optional.empty();
        }
        if (min != null && max != null) {
            return Optional.of("must be a number from " + min + " to " + max);
        }
        return Optional.of(min != null ? "must be at least " + min : "must be at most " + max);
    }

    /** Whether an input rule already refused the element (its name, its value, or it as a whole). */
    private static boolean broken(String element, List<Violation> found) {
        return found.stream().anyMatch(v -> v.field().equals(element) || v.field().startsWith(element + "."));
    }
}
