package dev.attrgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import dev.attrgateway.local.LocalCognito;

/** The verification codes the emulator "sends": it prints each in a box on its output. */
public final class VerificationCodes {

    private static final Pattern USERNAME = Pattern.compile("Username:\\s+(\\S+)");
    private static final Pattern CODE = Pattern.compile("Code:\\s+(\\d+)");

    private VerificationCodes() {
    }

    /** How many codes the emulator has sent to the user so far. */
    public static int countFor(String username) {
        return (int) codesFor(username).count();
    }

    /** The last code sent to the user after {@code previousCount} codes, waiting briefly for it to appear. */
    public static String nextFor(String username, int previousCount) {
        return Awaitility.await("a new code for " + username).atMost(Duration.ofSeconds(30))
                .until(() -> codesFor(username).skip(previousCount).reduce((first, second) -> second), Optional::isPresent)
                .get();
    }

    private static Stream<String> codesFor(String username) {
        List<String> codes = new ArrayList<>();
        String currentUser = null;
        try {
            for (String line : Files.readAllLines(LocalCognito.shared().logFile())) {
                Matcher user = USERNAME.matcher(line);
                if (user.find()) {
                    currentUser = user.group(1);
                }
                Matcher code = CODE.matcher(line);
                if (code.find() && username.equals(currentUser)) {
                    codes.add(code.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes.stream();
    }
}
