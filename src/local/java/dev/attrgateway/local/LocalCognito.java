package dev.attrgateway.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * cognito-local, the Cognito emulator that dev mode and the tests run against: installed from the
 * pinned npm lockfile when missing, started on a free loopback port in a data directory of its own,
 * seeded with the demo pool, and stopped with the JVM. Never used by the production code paths.
 */
public final class LocalCognito {

    /** Password of every demo user. */
    public static final String DEMO_PASSWORD = "Demo-Passw0rd!";
    public static final String ADMIN_GROUP = "admin";
    /** Dummy keys: the emulator does not check signatures, the SDK only needs some. */
    private static final StaticCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private static final String STATE_PROPERTY = "local-cognito.state";
    private static final String DIR_PROPERTY = "local-cognito.dir";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 5;

    /** This class loader's view of the JVM's emulator. */
    private static LocalCognito current;

    private final URI endpoint;
    private final String userPoolId;
    private final String clientId;
    private final Path dataDir;
    private CognitoIdentityProviderAsyncClient adminClient;

    private LocalCognito(URI endpoint, String userPoolId, String clientId, Path dataDir) {
        this.endpoint = endpoint;
        this.userPoolId = userPoolId;
        this.clientId = clientId;
        this.dataDir = dataDir;
    }

    /**
     * The emulator of this JVM, started and seeded on first use. Its coordinates are kept in a system
     * property so that dev-mode restarts and Quarkus' test class loaders find the same instance.
     */
    public static LocalCognito shared() {
        // A string literal is one object in the whole JVM, whichever class loader loaded this class.
        synchronized (STATE_PROPERTY) {
            if (current == null) {
                current = startedOrRunning();
            }
            return current;
        }
    }

    private static LocalCognito startedOrRunning() {
        String state = System.getProperty(STATE_PROPERTY);
        if (state != null) {
            String[] parts = state.split("\\|");
            return new LocalCognito(URI.create(parts[0]), parts[1], parts[2], Path.of(parts[3]));
        }
        LocalCognito started = start();
        // The gateway takes credentials from the SDK's default chain, which reads these first.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        System.setProperty(STATE_PROPERTY, String.join("|", started.endpoint.toString(), started.userPoolId,
                started.clientId, started.dataDir.toString()));
        return started;
    }

    /** The emulator this JVM started, if it started one. */
    public static Optional<LocalCognito> running() {
        return System.getProperty(STATE_PROPERTY) == null ? Optional.empty() : Optional.of(shared());
    }

    public URI endpoint() {
        return endpoint;
    }

    public String userPoolId() {
        return userPoolId;
    }

    public String clientId() {
        return clientId;
    }

    /** The issuer of the emulator's tokens: its base URL and the pool id. */
    public String issuer() {
        return endpoint + "/" + userPoolId;
    }

    /** The emulator's own output, where it prints the verification codes it "sends". */
    public Path logFile() {
        return dataDir.resolve("cognito-local.log");
    }

    /** The gateway settings that point it at this emulator. */
    public Map<String, String> gatewayConfig() {
        return Map.of(
                "gateway.user-pool-id", userPoolId,
                "gateway.cognito-endpoint", endpoint.toString(),
                "gateway.issuer", issuer());
    }

    /** Signs a user in with {@code USER_PASSWORD_AUTH} and returns the access, ID and refresh tokens. */
    public AuthenticationResultType signIn(String username, String password) {
        return adminClient().initiateAuth(r -> r.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(clientId)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)))
                .join().authenticationResult();
    }

    /** Creates a confirmed user with a verified email and the demo password, optionally in groups. */
    public void createUser(String username, String email, String... groups) {
        createUser(adminClient(), userPoolId, username, email, groups);
    }

    /** Takes a user out of a group, as an administrator would in the console. */
    public void removeFromGroup(String username, String group) {
        adminClient().adminRemoveUserFromGroup(r -> r.userPoolId(userPoolId).username(username).groupName(group)).join();
    }

    /** Creates another app client of the demo pool that lets users write the given attributes; returns its id. */
    public String createClient(String name, String... writeAttributes) {
        return adminClient().createUserPoolClient(r -> r.userPoolId(userPoolId).clientName(name)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)
                .writeAttributes(writeAttributes))
                .join().userPoolClient().clientId();
    }

    /** One client for the emulator's admin API, kept for this instance's life. */
    private synchronized CognitoIdentityProviderAsyncClient adminClient() {
        if (adminClient == null) {
            adminClient = client(endpoint);
            Runtime.getRuntime().addShutdownHook(new Thread(adminClient::close, "local-cognito-client-close"));
        }
        return adminClient;
    }

    private static CognitoIdentityProviderAsyncClient client(URI endpoint) {
        return CognitoIdentityProviderAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(DUMMY_CREDENTIALS)
                .build();
    }

    private static LocalCognito start() {
        Path home = installed();
        try {
            Path dataDir = Files.createTempDirectory("cognito-local-");
            Files.createDirectories(dataDir.resolve(".cognito"));
            // Without this, cognito-local makes every username an email address.
            Files.writeString(dataDir.resolve(".cognito/config.json"),
                    "{\"UserPoolDefaults\":{\"UsernameAttributes\":[]}}");
            Path log = dataDir.resolve("cognito-local.log");
            // The emulator names its port in the issuer of its tokens, so it needs one before it starts: a free one,
            // and another if a process beside this one (another build) took it first.
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                ProcessBuilder builder = new ProcessBuilder("node", home.resolve("launch.js").toString())
                        .directory(dataDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().put("PORT", Integer.toString(port));
                builder.environment().put("HOST", "127.0.0.1");
                Process process = builder.start();
                if (awaitListening(process, log, attempt < PORT_ATTEMPTS)) {
                    // The hook keeps the process (and so its stdin pipe) reachable for the JVM's whole life.
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, dataDir), "local-cognito-stop"));
                    return seed(URI.create("http://127.0.0.1:" + port), dataDir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start cognito-local", e);
        }
    }

    /** The demo pool of the README: custom attributes, auto-verified email, an app client, two users. */
    private static LocalCognito seed(URI endpoint, Path dataDir) {
        try (var cognito = client(endpoint)) {
            String poolId = cognito.createUserPool(r -> r.poolName("attrgateway-demo")
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .schema(customAttribute("department"), customAttribute("role")))
                    .join().userPool().id();
            String clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("attrgateway-demo")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                    .join().userPoolClient().clientId();
            cognito.createGroup(r -> r.userPoolId(poolId).groupName(ADMIN_GROUP)).join();
            createUser(cognito, poolId, "alice", "alice@example.com");
            createUser(cognito, poolId, "admin", "admin@example.com", ADMIN_GROUP);
            return new LocalCognito(endpoint, poolId, clientId, dataDir);
        }
    }

    private static void createUser(CognitoIdentityProviderAsyncClient cognito, String poolId, String username,
            String email, String... groups) {
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", email), attribute("email_verified", "true")))
                .join();
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username)
                .password(DEMO_PASSWORD).permanent(true)).join();
        for (String group : groups) {
            cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).username(username).groupName(group)).join();
        }
    }

    private static SchemaAttributeType customAttribute(String name) {
        return SchemaAttributeType.builder().name(name).attributeDataType(AttributeDataType.STRING)
                .mutable(true).build();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    /** The npm project holding the pinned emulator. */
    private static Path installed() {
        return new NpmProject(Path.of(System.getProperty(DIR_PROPERTY, "src/local/cognito-local")).toAbsolutePath())
                .installed("cognito-local").home();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Whether the emulator came to listen, as it logs (launch.js: "Cognito Local running on ..."); false when it
     * ended first and {@code mayRetry}, for another port.
     */
    private static boolean awaitListening(Process process, Path log, boolean mayRetry) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log).contains("Cognito Local running on")) {
                return true;
            }
            if (!process.isAlive()) {
                if (mayRetry) {
                    return false;
                }
                throw new IllegalStateException("cognito-local exited with " + process.exitValue() + "; see " + log);
            }
            sleep(Duration.ofMillis(100));
        }
        process.destroyForcibly();
        throw new IllegalStateException("cognito-local did not listen within " + START_TIMEOUT + "; see " + log);
    }

    private static void stop(Process process, Path dataDir) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // Temporary files only; the OS cleans up what is left.
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for cognito-local", e);
        }
    }
}
