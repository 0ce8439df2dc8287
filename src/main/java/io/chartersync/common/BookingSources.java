package io.chartersync.common;

import java.util.regex.Pattern;

/**
 * The one rule for a booking's {@code source} (where it comes from: {@code boatsetter}, {@code getmyboat}…),
 * for every entry point that names one: the booking intake and the marketplace feeds.
 */
public final class BookingSources {
    private static final Pattern SOURCE = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,39}$");

    /** What a {@code source} field's 400 says when {@link #isValid} is false. */
    public static final String RULE = "must be lowercase letters, digits, '-' or '_' (at most 40), e.g. boatsetter";

    private BookingSources() {}

    public static boolean isValid(String source) {
        return SOURCE.matcher(source).matches();
    }
}
