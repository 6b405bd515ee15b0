package dev.attrgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.attrgateway.support.CognitoStub;

/**
 * The Cognito of the benchmark ({@code src/bench/run.sh}), a process of its own: a {@link CognitoStub} on a free
 * loopback port that also serves its issuer's JWKS, and writes what the load generator sends (access tokens of many
 * users, request templates). Prints {@code ready <endpoint>} when all is in place, then serves until stopped.
 *
 * <p>Arguments: the output directory, the user pool id, the number of users.
 */
public final class BenchCognito {

    private BenchCognito() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path out = Path.of(args[0]);
        String userPoolId = args[1];
        int users = Integer.parseInt(args[2]);

        CognitoStub stub = CognitoStub.start();
        Runtime.getRuntime().addShutdownHook(new Thread(stub::close, "bench-cognito-close"));
        stub.stopRecording();
        AccessTokens tokens = AccessTokens.generate(stub.endpoint() + "/" + userPoolId);
        String jwks = tokens.jwks();
        stub.route("/" + userPoolId + "/.well-known/jwks.json",
                request -> request.response().putHeader("Content-Type", "application/json").end(jwks));
        // The slow-Cognito scenario runs on the gateway already warmed up by the fast one, without a restart.
        stub.route("/bench/delay", request -> {
            stub.delayEveryAnswer(Duration.ofMillis(Long.parseLong(request.getParam("ms"))));
            request.response().end();
        });

        Files.createDirectories(out);
        Files.write(out.resolve("tokens.txt"), tokens.mint(users));
        RequestTemplates.gateway("me").write(out.resolve("gateway-me.http"));
        RequestTemplates.gateway("updateMyAttributes").write(out.resolve("gateway-updateMyAttributes.http"));
        RequestTemplates.getUser().write(out.resolve("stub-me.http"));
        RequestTemplates.updateUserAttributes().write(out.resolve("stub-updateMyAttributes.http"));
        System.out.println("ready " + stub.endpoint());
        // The stub's event loop is all the work from here on; this thread only keeps the process up.
        Thread.currentThread().join();
    }
}
