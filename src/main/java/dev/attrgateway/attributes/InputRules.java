package dev.attrgateway.attributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.attrgateway.config.UserPoolIds;
import dev.attrgateway.error.Violation;

/**
 * The checks an input's rules are made of, Cognito's own (from its API reference) and the gateway's bounds; each
 * input record says which apply to it ({@code violations()}). Every violation is collected, each with its input path;
 * a message never quotes the value, which may be personal.
 */
public final class InputRules {

    /** Attributes in one update at most: more than a pool's standard and custom attributes together. */
    public static final int MAX_ATTRIBUTES = 50;
    public static final int MAX_CLIENT_METADATA_ENTRIES = 20;
    public static final int MAX_CLIENT_METADATA_KEY_LENGTH = 128;
    public static final int MAX_CLIENT_METADATA_VALUE_LENGTH = 2048;

    /** Cognito's pattern for user names and attribute names: letters, marks, symbols, numbers, punctuation. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    private static final Pattern CODE = Pattern.compile("\\S+");
    /** A "valid e-mail address" of the HTML living standard (the input element's e-mail state). */
    private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");
    /** E.164, as Cognito wants phone numbers: a plus sign and 1 to 15 digits. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[0-9]{1,15}");
    private static final int MAX_USERNAME_LENGTH = 128;
    private static final int MAX_ATTRIBUTE_NAME_LENGTH = 32;
    private static final int MAX_ATTRIBUTE_VALUE_LENGTH = 2048;
    private static final int MAX_CODE_LENGTH = 2048;

    private final List<Violation> violations = new ArrayList<>();

    private InputRules() {
    }

    public static InputRules check() {
        return new InputRules();
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** An optional pool id: none means the configured pool. */
    public InputRules userPoolId(String field, String userPoolId) {
        if (userPoolId != null) {
            patterned(field, userPoolId, UserPoolIds.MAX_LENGTH, UserPoolIds.PATTERN);
        }
        return this;
    }

    public InputRules username(String field, String username) {
        return patterned(field, username, MAX_USERNAME_LENGTH, NAME);
    }

    public InputRules attributeName(String field, String name) {
        return patterned(field, name, MAX_ATTRIBUTE_NAME_LENGTH, NAME);
    }

    /** A verification code: any characters but whitespace. */
    public InputRules code(String field, String code) {
        return patterned(field, code, MAX_CODE_LENGTH, CODE);
    }

    /**
     * Attributes to write: at least one, at most the bound, each name well formed and once, values bounded; an
     * {@code email} an e-mail address and a {@code phone_number} in E.164, whatever the pool.
     */
    public InputRules attributes(String field, List<UserAttribute> attributes) {
        count(field, attributes.size());
        for (int i = 0; i < attributes.size(); i++) {
            UserAttribute attribute = attributes.get(i);
            String element = field + "[" + i + "]";
            attributeName(element + ".name", attribute.name());
            String value = attribute.value();
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (length(value) > MAX_ATTRIBUTE_VALUE_LENGTH) {
                add(element + ".value", "must be at most " + MAX_ATTRIBUTE_VALUE_LENGTH + " characters");
            } else if ("email".equals(attribute.name()) && !EMAIL.matcher(value).matches()) {
                add(element + ".value", "must be an e-mail address");
            } else if ("phone_number".equals(attribute.name()) && !PHONE_NUMBER.matcher(value).matches()) {
                add(element + ".value", "must be + and 1 to 15 digits (E.164)");
            }
        }
        return noRepeats(field, ".name", "attribute", attributes.stream().map(UserAttribute::name).toList());
    }

    /** Names of attributes: at least one, at most the bound, each well formed and once. */
    public InputRules attributeNames(String field, List<String> names) {
        count(field, names.size());
        for (int i = 0; i < names.size(); i++) {
            attributeName(field + "[" + i + "]", names.get(i));
        }
        return noRepeats(field, "", "name", names);
    }

    /** Optional ClientMetadata: bounded in entries and sizes, each key once. */
    public InputRules clientMetadata(String field, List<ClientMetadataEntry> entries) {
        if (entries == null) {
            return this;
        }
        if (entries.size() > MAX_CLIENT_METADATA_ENTRIES) {
            add(field, "must have at most " + MAX_CLIENT_METADATA_ENTRIES + " entries");
        }
        for (int i = 0; i < entries.size(); i++) {
            ClientMetadataEntry entry = entries.get(i);
            String element = field + "[" + i + "]";
            int keyLength = length(entry.key());
            if (keyLength < 1 || keyLength > MAX_CLIENT_METADATA_KEY_LENGTH) {
                add(element + ".key", "must be 1 to " + MAX_CLIENT_METADATA_KEY_LENGTH + " characters");
            }
            if (length(entry.value()) > MAX_CLIENT_METADATA_VALUE_LENGTH) {
                add(element + ".value", "must be at most " + MAX_CLIENT_METADATA_VALUE_LENGTH + " characters");
            }
        }
        return noRepeats(field, ".key", "key", entries.stream().map(ClientMetadataEntry::key).toList());
    }

    private void count(String field, int size) {
        if (size == 0) {
            add(field, "must name at least one attribute");
        }
        if (size > MAX_ATTRIBUTES) {
            add(field, "must name at most " + MAX_ATTRIBUTES + " attributes");
        }
    }

    /** Reports each element whose name an earlier element of the list already has. */
    private InputRules noRepeats(String list, String nameField, String what, List<String> names) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer first = firstIndex.putIfAbsent(names.get(i), i);
            if (first != null) {
                add(list + "[" + i + "]" + nameField, "repeats the " + what + " of " + list + "[" + first + "]");
            }
        }
        return this;
    }

    private InputRules patterned(String field, String value, int maxLength, Pattern pattern) {
        int length = length(value);
        if (length < 1 || length > maxLength) {
            add(field, "must be 1 to " + maxLength + " characters");
        } else if (!pattern.matcher(value).matches()) {
            add(field, "must match " + pattern.pattern());
        }
        return this;
    }

    private void add(String field, String message) {
        violations.add(new Violation(field, message));
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
