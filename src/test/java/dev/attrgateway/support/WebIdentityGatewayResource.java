package dev.attrgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.attrgateway.ops.RequestId;

/**
 * Configures the packaged gateway as on Kubernetes with IRSA: no AWS keys, a web identity token file and a role,
 * so that the SDK's default chain assumes the role through STS. STS is a stand-in answering
 * {@code AssumeRoleWithWebIdentity} with fixed temporary keys (the emulator accepts any).
 */
public class WebIdentityGatewayResource extends LocalCognitoResource {

    /** Form bodies of the STS requests the gateway made. */
    public static final List<String> STS_REQUESTS = new CopyOnWriteArrayList<>();

    private static final String ASSUME_ROLE_ANSWER = """
            <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleWithWebIdentityResult>
                <Credentials>
                  <AccessKeyId>ASIAWEBIDENTITYTEST</AccessKeyId>
                  <SecretAccessKey>web-identity-secret</SecretAccessKey>
                  <SessionToken>web-identity-session</SessionToken>
                  <Expiration>2099-01-01T00:00:00Z</Expiration>
                </Credentials>
                <AssumedRoleUser>
                  <Arn>arn:aws:sts::123456789012:assumed-role/gateway/test</Arn>
                  <AssumedRoleId>AROAWEBIDENTITYTEST:test</AssumedRoleId>
                </AssumedRoleUser>
              </AssumeRoleWithWebIdentityResult>
              <ResponseMetadata><RequestId>web-identity-test</RequestId></ResponseMetadata>
            </AssumeRoleWithWebIdentityResponse>
            """;

    private HttpServer sts;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            sts = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            sts.createContext("/", exchange -> {
                STS_REQUESTS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] answer = ASSUME_ROLE_ANSWER.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/xml");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            sts.start();
            Path token = Files.createTempFile("web-identity-token-", ".jwt");
            token.toFile().deleteOnExit();
            Files.writeString(token, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Z3c6Z3cifQ.");
            config.put("aws.webIdentityTokenFile", token.toString());
            config.put("aws.roleArn", "arn:aws:iam::123456789012:role/gateway");
            config.put("aws.region", "us-east-1");
            config.put("aws.endpointUrlSts", "http://127.0.0.1:" + sts.getAddress().getPort());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (sts != null) {
            sts.stop(0);
        }
    }
}
