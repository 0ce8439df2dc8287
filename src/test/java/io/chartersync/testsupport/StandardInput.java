package io.chartersync.testsupport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Runs an in-process command with {@code text} on standard input (tests of one class run one at a time). */
public final class StandardInput {
    private StandardInput() {}

    public static synchronized <T> T with(String text, Supplier<T> command) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return command.get();
        } finally {
            System.setIn(before);
        }
    }
}
