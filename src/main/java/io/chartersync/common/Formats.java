package io.chartersync.common;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How crew and guest pages say things: durations and map links. */
public final class Formats {
    private Formats() {}

    /** "3 hours", "1 hour", "2.5 hours". */
    public static String hours(BigDecimal hours) {
        String n = hours.stripTrailingZeros().toPlainString();
        return n + (hours.compareTo(BigDecimal.ONE) == 0 ? " hour" : " hours");
    }

    /** A map search for a meeting point. */
    public static String mapUrl(String place) {
        return "https://www.openstreetmap.org/search?query=" + URLEncoder.encode(place, StandardCharsets.UTF_8);
    }
}
