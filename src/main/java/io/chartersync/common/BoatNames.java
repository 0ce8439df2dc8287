package io.chartersync.common;

import java.util.Locale;

/**
 * The one rule for naming a boat: a boat is named case-insensitively and without surrounding spaces, so
 * {@code "Jada "}, {@code "jada"} and {@code "JADA"} are one boat. Every place that matches or keys boats (the
 * calendar's conflict rules and feeds, boat profiles, the booking intake) compares {@link #key} values; the
 * name shown is kept as written (the boat's registered display name, see {@code PUT /api/boats/{boat}}).
 * Migration V22 restates this rule once in SQL ({@code upper(btrim(…))}) to normalize the rows stored before.
 */
public final class BoatNames {
    private BoatNames() {}

    /** The key a boat is matched by: the name stripped of surrounding spaces, in upper case; "" for no boat. */
    public static String key(String name) {
        return name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    }

    /** The name as it is shown: as written, without surrounding spaces; "" for no boat. */
    public static String display(String name) {
        return name == null ? "" : name.strip();
    }

    /** Whether two names name the same boat. */
    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}
