package io.chartersync.web;

import io.chartersync.common.AppException;
import io.chartersync.common.Characters;
import io.chartersync.common.JsonFields;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Path and query parameters, read or refused with a problem naming the parameter. */
public final class Params {
    private static final int MAX_RANGE_DAYS = 400;

    private Params() {}

    /** An inclusive range of days from the {@code from} and {@code to} query parameters. */
    public record DateRange(LocalDate from, LocalDate to) {}

    public static DateRange dateRange(Context ctx) {
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (to.isBefore(from)) {
            throw AppException.InvalidInput.of("to", "must not be before from");
        }
        if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw AppException.InvalidInput.of("to", "the range may span at most " + MAX_RANGE_DAYS + " days");
        }
        return new DateRange(from, to);
    }

    /** The path parameter {@code id} as a UUID; anything else names no {@code what}, so it is not found. */
    public static UUID id(Context ctx, String what) {
        return uuid(ctx.pathParam("id"), what);
    }

    /**
     * A path segment as the UUID of a {@code what}: a path that names nothing is not found (404), whatever
     * the segment holds. Every route with an id in its path reads it here.
     */
    public static UUID uuid(String segment, String what) {
        if (segment.length() == 36) {
            try {
                return UUID.fromString(segment);
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw new AppException.NotFound(what, abbreviate(segment));
    }

    /** A query parameter echoed in an answer, cut short and with any character that is not text replaced. */
    private static String abbreviate(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return Characters.problem(cut).isPresent() ? cut.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?") : cut;
    }

    private static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw AppException.InvalidInput.of(name, "is required (YYYY-MM-DD)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw AppException.InvalidInput.of(name, "'" + abbreviate(value) + "' is not a date (YYYY-MM-DD)");
        }
        if (!JsonFields.isInYears(date)) {
            throw AppException.InvalidInput.of(
                    name, "must be a date in the years " + JsonFields.MIN_YEAR + " to " + JsonFields.MAX_YEAR);
        }
        return date;
    }
}
