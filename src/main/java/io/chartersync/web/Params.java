package io.chartersync.web;

import io.chartersync.common.AppException;
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
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new AppException.NotFound(what, ctx.pathParam("id"));
        }
    }

    private static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw AppException.InvalidInput.of(name, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw AppException.InvalidInput.of(name, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
