package dev.attrgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<String> code = codesFor(username).skip(previousCount).reduce((first, second) -> second);
            if (code.isPresent()) {
                return code.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("The emulator printed no new code for " + username);
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
