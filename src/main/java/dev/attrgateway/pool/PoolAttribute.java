package dev.attrgateway.pool;

import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;

/**
 * One attribute of a user pool's schema: its type, whether users must have it, whether it may change after the
 * user is created, whether only administrators may write it, and the bounds of its values (null: none).
 */
public record PoolAttribute(String name, AttributeDataType type, boolean required, boolean mutable,
        boolean developerOnly, Integer minLength, Integer maxLength, Long minValue, Long maxValue) {

    static PoolAttribute of(SchemaAttributeType schema) {
        AttributeDataType type = switch (schema.attributeDataType() == null
                ? software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType.STRING
                : schema.attributeDataType()) {
            case NUMBER -> AttributeDataType.NUMBER;
            case DATE_TIME -> AttributeDataType.DATETIME;
            case BOOLEAN -> AttributeDataType.BOOLEAN;
            default -> AttributeDataType.STRING;
        };
        var strings = schema.stringAttributeConstraints();
        var numbers = schema.numberAttributeConstraints();
        // Cognito's defaults where the schema says nothing: mutable, optional, writable by users.
        return new PoolAttribute(schema.name(), type, Boolean.TRUE.equals(schema.required()),
                !Boolean.FALSE.equals(schema.mutable()), Boolean.TRUE.equals(schema.developerOnlyAttribute()),
                strings == null ? null : integer(strings.minLength()),
                strings == null ? null : integer(strings.maxLength()),
                numbers == null ? null : number(numbers.minValue()),
                numbers == null ? null : number(numbers.maxValue()));
    }

    /** A bound Cognito sends as a string; one that is not a number bounds nothing. */
    private static Integer integer(String bound) {
        Long value = number(bound);
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    private static Long number(String bound) {
        try {
            return bound == null ? null : Long.valueOf(bound.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
