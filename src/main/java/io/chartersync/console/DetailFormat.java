package io.chartersync.console;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the booking pages write times, durations and states for people, on the marina's clock. */
final class DetailFormat {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private DetailFormat() {}

    /** "Sat 5 Dec 2026, 09:00–13:00" (the end's day too when the charter runs past midnight). */
    static String span(ZonedDateTime start, BigDecimal hours, ZoneId zone) {
        ZonedDateTime from = start.withZoneSameInstant(zone);
        ZonedDateTime to =
                from.plusMinutes(hours.multiply(BigDecimal.valueOf(60)).longValue());
        String end = to.toLocalDate().equals(from.toLocalDate()) ? CLOCK.format(to) : MOMENT.format(to);
        return DAY.format(from) + ", " + CLOCK.format(from) + "–" + end;
    }

    /** "Sat 5 Dec, 14:02" on the marina's clock. */
    static String moment(Instant at, ZoneId zone) {
        return MOMENT.format(at.atZone(zone));
    }

    static String hours(BigDecimal hours) {
        String h = hours.stripTrailingZeros().toPlainString();
        return h + (hours.compareTo(BigDecimal.ONE) == 0 ? " hour" : " hours");
    }
}
