package dev.attrgateway.attributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.attrgateway.error.GatewayException;
import dev.attrgateway.error.Violation;
import dev.attrgateway.admin.AdminUpdateUserAttributesInput;
import dev.attrgateway.attributes.ClientMetadataEntry;
import dev.attrgateway.users.ResendMyAttributeVerificationCodeInput;
import dev.attrgateway.users.UpdateMyAttributesInput;
import dev.attrgateway.attributes.UserAttribute;
import dev.attrgateway.users.VerifyMyAttributeInput;

/**
 * The input constraints checked before Cognito is called: Cognito's own (from its API reference) and the
 * gateway's bounds. Every violation of a request is reported, each with its input path; a message never
 * quotes the value, which may be personal.
 */
public final class InputRules {

    /** Attributes in one update at most: more than a pool's standard and custom attributes together. */
    public static final int MAX_ATTRIBUTES = 50;
    public static final int MAX_CLIENT_METADATA_ENTRIES = 20;
    public static final int MAX_CLIENT_METADATA_KEY_LENGTH = 128;
    public static final int MAX_CLIENT_METADATA_VALUE_LENGTH = 2048;

    private static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    /** Cognito's pattern for user names and attribute names: letters, marks, symbols, numbers, punctuation. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    private static final Pattern CODE = Pattern.compile("\\S+");
    private static final int MAX_USER_POOL_ID_LENGTH = 55;
    private static final int MAX_USERNAME_LENGTH = 128;
    private static final int MAX_ATTRIBUTE_NAME_LENGTH = 32;
    private static final int MAX_ATTRIBUTE_VALUE_LENGTH = 2048;
    private static final int MAX_CODE_LENGTH = 2048;

    private InputRules() {
    }

    public static void check(UpdateMyAttributesInput input) {
        Violations violations = new Violations();
        attributes(violations, "input.userAttributes", input.userAttributes());
        clientMetadata(violations, "input.clientMetadata", input.clientMetadata());
        violations.throwIfAny();
    }

    public static void check(AdminUpdateUserAttributesInput input) {
        Violations violations = new Violations();
        if (input.userPoolId() != null) {
            userPoolId(violations, "input.userPoolId", input.userPoolId());
        }
        username(violations, "input.username", input.username());
        attributes(violations, "input.userAttributes", input.userAttributes());
        clientMetadata(violations, "input.clientMetadata", input.clientMetadata());
        violations.throwIfAny();
    }

    public static void check(VerifyMyAttributeInput input) {
        Violations violations = new Violations();
        patterned(violations, "input.attributeName", input.attributeName(), MAX_ATTRIBUTE_NAME_LENGTH, NAME);
        patterned(violations, "input.code", input.code(), MAX_CODE_LENGTH, CODE);
        violations.throwIfAny();
    }

    public static void check(ResendMyAttributeVerificationCodeInput input) {
        Violations violations = new Violations();
        patterned(violations, "input.attributeName", input.attributeName(), MAX_ATTRIBUTE_NAME_LENGTH, NAME);
        clientMetadata(violations, "input.clientMetadata", input.clientMetadata());
        violations.throwIfAny();
    }

    /** The arguments of {@code adminGetUser}, which are not wrapped in an input object. */
    public static void checkAdminGetUser(String userPoolId, String username) {
        Violations violations = new Violations();
        if (userPoolId != null) {
            userPoolId(violations, "userPoolId", userPoolId);
        }
        username(violations, "username", username);
        violations.throwIfAny();
    }

    private static void userPoolId(Violations violations, String field, String userPoolId) {
        patterned(violations, field, userPoolId, MAX_USER_POOL_ID_LENGTH, USER_POOL_ID);
    }

    private static void username(Violations violations, String field, String username) {
        patterned(violations, field, username, MAX_USERNAME_LENGTH, NAME);
    }

    private static void attributes(Violations violations, String field, List<UserAttribute> attributes) {
        if (attributes.isEmpty()) {
            violations.add(field, "must name at least one attribute");
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            violations.add(field, "must name at most " + MAX_ATTRIBUTES + " attributes");
        }
        for (int i = 0; i < attributes.size(); i++) {
            UserAttribute attribute = attributes.get(i);
            String element = field + "[" + i + "]";
            patterned(violations, element + ".name", attribute.name(), MAX_ATTRIBUTE_NAME_LENGTH, NAME);
            if (attribute.value() != null && length(attribute.value()) > MAX_ATTRIBUTE_VALUE_LENGTH) {
                violations.add(element + ".value", "must be at most " + MAX_ATTRIBUTE_VALUE_LENGTH + " characters");
            }
        }
        noRepeats(violations, field, ".name", "attribute", attributes.stream().map(UserAttribute::name).toList());
    }

    private static void clientMetadata(Violations violations, String field, List<ClientMetadataEntry> entries) {
        if (entries == null) {
            return;
        }
        if (entries.size() > MAX_CLIENT_METADATA_ENTRIES) {
            violations.add(field, "must have at most " + MAX_CLIENT_METADATA_ENTRIES + " entries");
        }
        for (int i = 0; i < entries.size(); i++) {
            ClientMetadataEntry entry = entries.get(i);
            String element = field + "[" + i + "]";
            int keyLength = length(entry.key());
            if (keyLength < 1 || keyLength > MAX_CLIENT_METADATA_KEY_LENGTH) {
                violations.add(element + ".key", "must be 1 to " + MAX_CLIENT_METADATA_KEY_LENGTH + " characters");
            }
            if (length(entry.value()) > MAX_CLIENT_METADATA_VALUE_LENGTH) {
                violations.add(element + ".value",
                        "must be at most " + MAX_CLIENT_METADATA_VALUE_LENGTH + " characters");
            }
        }
        noRepeats(violations, field, ".key", "key", entries.stream().map(ClientMetadataEntry::key).toList());
    }

    /** Reports each element whose name an earlier element of the list already has. */
    private static void noRepeats(Violations violations, String list, String nameField, String what, List<String> names) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer first = firstIndex.putIfAbsent(names.get(i), i);
            if (first != null) {
                violations.add(list + "[" + i + "]" + nameField, "repeats the " + what + " of " + list + "[" + first + "]");
            }
        }
    }

    private static void patterned(Violations violations, String field, String value, int maxLength, Pattern pattern) {
        int length = length(value);
        if (length < 1 || length > maxLength) {
            violations.add(field, "must be 1 to " + maxLength + " characters");
        } else if (!pattern.matcher(value).matches()) {
            violations.add(field, "must match " + pattern.pattern());
        }
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    private static final class Violations {
        private final List<Violation> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new Violation(field, message));
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw GatewayException.badUserInput(list);
            }
        }
    }
}
