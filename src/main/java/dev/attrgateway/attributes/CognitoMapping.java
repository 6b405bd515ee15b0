package dev.attrgateway.attributes;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.attrgateway.cognito.CognitoFaults;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;

/** Between the contract's records and the SDK's request and response types. */
public final class CognitoMapping {

    private CognitoMapping() {
    }

    public static UserProfile profile(GetUserResponse response) {
        return profile(response.username(), response.userAttributes(), null, null);
    }

    public static UserProfile profile(AdminGetUserResponse response) {
        return profile(response.username(), response.userAttributes(), response.enabled(),
                response.userStatusAsString());
    }

    /**
     * Cognito always names the user and gives every user a {@code sub}, which no one can change or delete. An answer
     * without either is no Cognito answer: no id is made up instead (the username is not unique across pools, and
     * two users under one id would be merged in a client's cache).
     */
    private static UserProfile profile(String username, List<AttributeType> attributeTypes, Boolean enabled,
            String userStatus) {
        Map<String, String> values = new HashMap<>();
        attributeTypes.forEach(a -> values.put(a.name(), a.value()));
        String sub = values.get("sub");
        if (username == null || sub == null || sub.isEmpty()) {
            throw CognitoFaults.unexpectedAnswer();
        }
        return new UserProfile(sub, username, values.get("email"), flag(values.get("email_verified")),
                values.get("phone_number"), flag(values.get("phone_number_verified")), attributes(attributeTypes),
                enabled, userStatus);
    }

    /** Cognito's verified flags are the strings "true" and "false"; anything else is no answer either way. */
    private static Boolean flag(String value) {
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    public static List<AttributeType> attributeTypes(List<UserAttribute> attributes) {
        // Cognito deletes an attribute given an empty value; null means the same in the contract.
        return attributes.stream()
                .map(a -> AttributeType.builder().name(a.name()).value(a.value() == null ? "" : a.value()).build())
                .toList();
    }

    public static Map<String, String> clientMetadata(List<ClientMetadataEntry> entries) {
        // Keys are unique by then (InputRules); the order of the request is kept.
        return entries == null ? null : entries.stream().collect(Collectors.toMap(ClientMetadataEntry::key,
                ClientMetadataEntry::value, (first, second) -> second, LinkedHashMap::new));
    }

    public static List<CodeDeliveryDetails> codeDeliveries(List<CodeDeliveryDetailsType> details) {
        return details == null ? List.of() : details.stream().map(CognitoMapping::codeDelivery).toList();
    }

    public static CodeDeliveryDetails codeDelivery(CodeDeliveryDetailsType details) {
        return new CodeDeliveryDetails(details.attributeName(), deliveryMedium(details.deliveryMedium()),
                details.destination());
    }

    private static DeliveryMedium deliveryMedium(DeliveryMediumType medium) {
        return switch (medium == null ? DeliveryMediumType.UNKNOWN_TO_SDK_VERSION : medium) {
            case SMS -> DeliveryMedium.SMS;
            case EMAIL -> DeliveryMedium.EMAIL;
            default -> null;
        };
    }

    private static List<UserAttribute> attributes(List<AttributeType> attributes) {
        return attributes.stream().map(a -> new UserAttribute(a.name(), a.value())).toList();
    }
}
