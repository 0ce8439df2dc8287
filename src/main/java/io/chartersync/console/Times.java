package io.chartersync.console;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the console shows them to people: "Sat 5 Dec, 09:00–13:00", on the charter's own clock. */
final class Times {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private Times() {}

    static String span(ZonedDateTime start, ZonedDateTime end) {
        ZonedDateTime until = end.withZoneSameInstant(start.getZone());
        if (until.toLocalDate().equals(start.toLocalDate())) {
            return DAY.format(start) + ", " + TIME.format(start) + "–" + TIME.format(until);
        }
        return DAY.format(start) + ", " + TIME.format(start) + " – " + DAY.format(until) + ", " + TIME.format(until);
    }
}
