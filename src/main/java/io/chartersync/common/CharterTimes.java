package io.chartersync.common;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;

/**
 * When a charter starts and how long it lasts, read by one set of rules for every body that states them: a
 * booking's {@code start}, a calendar entry's {@code date} and {@code start_time}, an event's {@code date}. The
 * same start gets the same answer and the same detail from each route; only the field names differ, as the
 * contracts name them. A start is read on the marina's clock in its zone (decision 0003): a time the clocks skip
 * is refused, a time they repeat means its first occurrence, and its date lies in the years {@value
 * JsonFields#MIN_YEAR} to {@value JsonFields#MAX_YEAR} there.
 */
public final class CharterTimes {
    /** Two weeks: no charter lasts longer, and the bound keeps every end inside the calendar's years. */
    public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(14 * 24);

    private static final String DATE_TIME_FORMS =
            "YYYY-MM-DDTHH:MM:SS on the marina's clock, or an instant with its offset such as 2024-05-30T16:00:00Z";

    private CharterTimes() {}

    /**
     * A start in one field: a wall time on {@code zone}'s clock ({@code 2024-05-30T09:00:00}) or an instant with
     * its offset ({@code 2024-05-30T16:00:00Z}, {@code 2024-05-30T09:00:00-07:00}), which keeps its instant. The
     * bookings route and the events route once read these forms apart (different messages, the years checked
     * before the gap in one and after it in the other); both now read them here.
     */
    public static Optional<ZonedDateTime> start(JsonFields f, String path, ZoneId zone) {
        return read(f, path, Optional.of(zone));
    }

    /**
     * For a body whose own time zone was refused: the start is still checked for its form (and a wall time for
     * its years), so one answer names both fields. Nothing is returned, since no start exists without a zone.
     */
    public static void checkWithoutZone(JsonFields f, String path) {
        read(f, path, Optional.empty());
    }

    /**
     * A start in two fields: a date ({@code YYYY-MM-DD}) and an optional wall time ({@code HH:MM}, else {@code
     * defaultTime}) on {@code zone}'s clock. The years are named on the date, a skipped time on the time.
     */
    public static Optional<ZonedDateTime> start(
            JsonFields f, String datePath, String timePath, LocalTime defaultTime, ZoneId zone) {
        Optional<LocalDate> date = f.text(datePath, true)
                .flatMap(
                        d -> parsed(d, LocalDate::parse).or(() -> refused(f, datePath, "must be a date (YYYY-MM-DD)")));
        Optional<String> timeText = f.text(timePath, false);
        Optional<LocalTime> time = timeText.isEmpty()
                ? Optional.of(defaultTime)
                : parsed(timeText.get(), LocalTime::parse).or(() -> refused(f, timePath, "must be a time (HH:MM)"));
        if (date.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        return onClock(f, date.get().atTime(time.get()), zone, datePath, timePath);
    }

    /**
     * The charter's length in hours: more than 0 and at most {@link #MAX_HOURS} (all three routes, which each
     * held a copy of the cap), trailing zeros stripped.
     */
    public static BigDecimal durationHours(JsonFields f, String path) {
        BigDecimal hours = f.decimal(path, true).orElse(BigDecimal.ONE);
        if (hours.signum() <= 0) {
            f.error(path, "must be greater than 0");
        } else if (hours.compareTo(MAX_HOURS) > 0) {
            f.error(path, "must be at most " + MAX_HOURS + " hours");
        }
        return hours.stripTrailingZeros();
    }

    private static Optional<ZonedDateTime> read(JsonFields f, String path, Optional<ZoneId> zone) {
        return f.text(path, true).flatMap(value -> {
            Optional<LocalDateTime> wallTime = parsed(value, LocalDateTime::parse);
            if (wallTime.isPresent()) {
                if (zone.isEmpty()) {
                    f.inYears(path, wallTime.get().toLocalDate());
                    return Optional.empty();
                }
                return onClock(f, wallTime.get(), zone.get(), path, path);
            }
            Optional<OffsetDateTime> instant = parsed(value, OffsetDateTime::parse);
            if (instant.isPresent()) {
                return zone.flatMap(z -> inZone(f, path, instant.get(), z));
            }
            return refused(f, path, "'" + value + "' is not a date and time (" + DATE_TIME_FORMS + ")");
        });
    }

    /** An instant keeps its instant (in a repeated hour too); its date on the marina's clock is bounded. */
    private static Optional<ZonedDateTime> inZone(JsonFields f, String path, OffsetDateTime instant, ZoneId zone) {
        ZonedDateTime start;
        try {
            start = instant.atZoneSameInstant(zone);
        } catch (DateTimeException pastTheLastYear) {
            f.inYears(path, instant.toLocalDate());
            return Optional.empty();
        }
        return f.inYears(path, start.toLocalDate()) ? Optional.of(start) : Optional.empty();
    }

    private static Optional<ZonedDateTime> onClock(
            JsonFields f, LocalDateTime local, ZoneId zone, String datePath, String timePath) {
        if (!f.inYears(datePath, local.toLocalDate())) {
            return Optional.empty();
        }
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            f.error(
                    timePath,
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(local) + " does not exist in " + zone
                            + " (the clocks skip that hour)");
            return Optional.empty();
        }
        // In the fall-back hour the wall time happens twice; without a preferred offset this is the earlier one,
        // the first occurrence.
        return Optional.of(ZonedDateTime.ofLocal(local, zone, null));
    }

    private static <T> Optional<T> parsed(String value, Function<CharSequence, T> parse) {
        try {
            return Optional.of(parse.apply(value));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static <T> Optional<T> refused(JsonFields f, String path, String detail) {
        f.error(path, detail);
        return Optional.empty();
    }
}
