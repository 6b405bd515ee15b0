package dev.attrgateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attrgateway.cognito.CognitoOperation;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;

/**
 * The gateway's IAM role may call exactly the Cognito operations the code calls with the gateway's own
 * credentials: no fewer (the call would be denied in production only), no more (least privilege).
 */
class IamPolicyTest {

    static final Path POLICY = Path.of("deploy/iam/gateway-policy.json");
    static final Path TRUST_POLICY = Path.of("deploy/iam/gateway-trust-policy.json");
    /** The one package that calls Cognito (see docs/design.md, "Where the code lives"). */
    static final Path COGNITO_SOURCES = Path.of("src/main/java/dev/attrgateway/cognito");
    static final Path MAIN_SOURCES = Path.of("src/main/java");

    @Test
    void theOperationTableListsExactlyTheCallsOfTheCode() {
        Set<String> inTable = Stream.of(CognitoOperation.values()).map(CognitoOperation::apiName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> called = calledOperations().keySet();

        assertEquals(called, inTable, CognitoOperation.class.getSimpleName() + " must list every operation "
                + COGNITO_SOURCES + " calls on the client (with its quota category and authorization), and no other");
    }

    @Test
    void thePolicyGrantsExactlyTheIamAuthorizedCallsOfTheCode() {
        Set<String> iamAuthorized = Stream.of(CognitoOperation.values())
                .filter(operation -> operation.authorization() == CognitoOperation.Authorization.IAM)
                .map(operation -> "cognito-idp:" + operation.apiName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> granted = grantedActions();

        Set<String> missing = new TreeSet<>(iamAuthorized);
        missing.removeAll(granted);
        Set<String> extra = new TreeSet<>(granted);
        extra.removeAll(iamAuthorized);
        List<String> problems = new ArrayList<>();
        missing.forEach(action -> problems.add("missing " + action));
        extra.forEach(action -> problems.add("extra " + action + " (no IAM-authorized call in the code)"));
        assertEquals(List.of(), problems, POLICY + " must grant exactly the IAM-authorized calls of the code"
                + " (CognitoOperation's IAM rows; the others are authorized by the user's access token, see the"
                + " Cognito developer guide, \"Understanding API, OIDC, and managed login pages authentication\")");
    }

    @Test
    void everyStatementAllowsOnlyCognitoActionsOnAUserPool() {
        List<String> problems = new ArrayList<>();
        for (JsonObject statement : statements()) {
            if (!"Allow".equals(statement.getString("Effect", null)) || statement.containsKey("NotAction")
                    || statement.containsKey("NotResource")) {
                problems.add("only Allow statements with Action and Resource are expected: " + statement);
                continue;
            }
            for (String resource : strings(statement.get("Resource"))) {
                if (!resource.matches("arn:aws:cognito-idp:[^:*]+:[^:*]+:userpool/[^*]+")) {
                    problems.add("resource is not one user pool: " + resource);
                }
            }
        }
        assertEquals(List.of(), problems, POLICY.toString());
    }

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theTrustPolicyAdmitsTheServiceAccountThePodsRunAs(String overlay) {
        String subject;
        try (JsonReader reader = Json.createReader(new StringReader(Manifests.read(TRUST_POLICY)))) {
            JsonObject statement = reader.readObject().getJsonArray("Statement").getJsonObject(0);
            assertEquals("sts:AssumeRoleWithWebIdentity", statement.getString("Action"), TRUST_POLICY.toString());
            JsonObject equals = statement.getJsonObject("Condition").getJsonObject("StringEquals");
            String oidcProvider = "${OIDC_PROVIDER}";
            assertEquals("sts.amazonaws.com", equals.getString(oidcProvider + ":aud"), TRUST_POLICY.toString());
            subject = equals.getString(oidcProvider + ":sub");
        }
        Matcher serviceAccount = Pattern.compile("system:serviceaccount:[^:]+:(.+)").matcher(subject);
        assertTrue(serviceAccount.matches(), TRUST_POLICY + ": subject " + subject);
        String name = serviceAccount.group(1);

        for (Manifests.PodTemplate template : Manifests.podTemplates(overlay)) {
            assertEquals(name, template.spec().get("serviceAccountName"),
                    overlay + ": " + template.workload() + " must run as the service account " + TRUST_POLICY
                            + " trusts");
        }
        Map<String, Object> account = Manifests.named(Manifests.render(overlay), "ServiceAccount", name, overlay);
        Object role = Manifests.map(Manifests.map(account, "metadata"), "annotations").get("eks.amazonaws.com/role-arn");
        assertTrue(role instanceof String arn && arn.startsWith("arn:aws:iam::"),
                overlay + ": ServiceAccount " + name + " has no IRSA role annotation: " + role);
    }

    @Test
    void onlyTheCognitoPackageTouchesTheClient() throws IOException {
        // The scan below reads only COGNITO_SOURCES: a call made elsewhere would escape it.
        String client = CognitoIdentityProviderAsyncClient.class.getSimpleName();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            List<Path> outside = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(COGNITO_SOURCES))
                    .filter(file -> Manifests.read(file).contains(client)).toList();
            assertEquals(List.of(), outside, "only " + COGNITO_SOURCES + " may use " + client);
        }
    }

    /** Every operation the cognito package calls on the async client, with the files that call it; never empty. */
    static Map<String, Set<String>> calledOperations() {
        Map<String, Set<String>> calls = new TreeMap<>();
        for (Path file : cognitoSources()) {
            String source = withoutComments(Manifests.read(file));
            for (String receiver : clientVariables(source)) {
                String name = Pattern.quote(receiver);
                Matcher call = Pattern.compile("\\b" + name + "\\s*\\.\\s*(\\w+)\\s*\\(|\\b" + name
                        + "\\s*::\\s*(\\w+)").matcher(source);
                while (call.find()) {
                    String operation = operation(call.group(1) != null ? call.group(1) : call.group(2));
                    if (operation != null) {
                        calls.computeIfAbsent(operation, key -> new TreeSet<>()).add(file.getFileName().toString());
                    }
                }
            }
        }
        assertFalse(calls.isEmpty(), "no call on the Cognito client found in " + COGNITO_SOURCES
                + ": is the scan still reading the right code?");
        return calls;
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(^|\\s)//.*$", " ");
    }

    private static List<Path> cognitoSources() {
        try (Stream<Path> files = Files.walk(COGNITO_SOURCES)) {
            List<Path> sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
            assertFalse(sources.isEmpty(), "no source in " + COGNITO_SOURCES);
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the fields, parameters and variables of the async client's type in a source file. */
    private static Set<String> clientVariables(String source) {
        Set<String> names = new TreeSet<>();
        Matcher declaration = Pattern.compile("\\b" + CognitoIdentityProviderAsyncClient.class.getSimpleName()
                + "\\s+(\\w+)\\s*[,;)=]").matcher(source);
        while (declaration.find()) {
            names.add(declaration.group(1));
        }
        return names;
    }

    /**
     * The Cognito operation a method of the async client sends ({@code adminGetUser} -> {@code AdminGetUser}),
     * or null for a method that sends none ({@code close}, {@code serviceName}...). Operations are the methods that
     * return a CompletableFuture; paginators ({@code listUsersPaginator}) send their operation.
     */
    static String operation(String method) {
        String name = method.endsWith("Paginator") ? method.substring(0, method.length() - "Paginator".length())
                : method;
        boolean sends = Stream.of(CognitoIdentityProviderAsyncClient.class.getMethods())
                .filter(m -> m.getName().equals(method))
                .map(Method::getReturnType)
                .anyMatch(type -> CompletableFuture.class.isAssignableFrom(type) || method.endsWith("Paginator"));
        if (!sends && Stream.of(CognitoIdentityProviderAsyncClient.class.getMethods())
                .noneMatch(m -> m.getName().equals(method))) {
            fail("the async client has no method " + method + ": is the scan reading something else?");
        }
        return sends ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : null;
    }

    static Set<String> grantedActions() {
        Set<String> actions = new TreeSet<>();
        for (JsonObject statement : statements()) {
            actions.addAll(strings(statement.get("Action")));
        }
        assertFalse(actions.isEmpty(), POLICY + " grants nothing");
        return actions;
    }

    private static List<JsonObject> statements() {
        try (JsonReader reader = Json.createReader(new StringReader(Manifests.read(POLICY)))) {
            return reader.readObject().getJsonArray("Statement").getValuesAs(JsonObject.class);
        }
    }

    /** A policy element that is one string or a list of strings. */
    private static List<String> strings(JsonValue value) {
        if (value instanceof JsonString string) {
            return List.of(string.getString());
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
            return value.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        return fail("not a string or a list of strings: " + value);
    }
}
