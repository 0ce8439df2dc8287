package io.chartersync.booking;

import io.chartersync.common.AppException;
import io.chartersync.common.Characters;
import io.chartersync.common.FieldError;
import io.chartersync.common.JsonFields;
import io.chartersync.common.WireForm;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The query of {@code GET /api/bookings}: filters, page size and cursor. Every parameter is checked, and an
 * unknown one, one given twice or a bad value is refused with a 400 naming each of them.
 *
 * @param boat the boat's name, matched case-insensitively and without surrounding spaces
 * @param from start on or after this instant (the start of the {@code from} day on the marina's clock)
 * @param to start before this instant (the end of the {@code to} day on the marina's clock)
 * @param q a part of the guest's name or of the external id, case-insensitive
 * @param after the id of the last booking of the previous page
 */
record BookingQuery(
        boolean attention,
        Optional<BookingState> state,
        Optional<String> boat,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> q,
        int limit,
        Optional<UUID> after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final int MAX_TEXT = 200;
    private static final Set<String> KNOWN = Set.of("attention", "state", "boat", "from", "to", "q", "limit", "after");

    /** True when a filter needs each booking's status (its state or its attention items), not only its body. */
    boolean byStatus() {
        return attention || state.isPresent();
    }

    /** Reads the query parameters; {@code marina} is the clock of {@code from} and {@code to}. */
    static BookingQuery parse(Map<String, List<String>> params, ZoneId marina) {
        List<FieldError> errors = new ArrayList<>();
        params.forEach((name, values) -> {
            if (!KNOWN.contains(name)) {
                errors.add(new FieldError(
                        shown(name),
                        "is not a parameter of this list (known: attention, state, boat, from, to, q, limit, after)"));
            } else if (values.size() > 1) {
                errors.add(new FieldError(name, "may be given once"));
            }
        });
        Reader r = new Reader(params, errors);
        boolean attention = r.value("attention")
                .map(v -> switch (v) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> r.fail("attention", "must be true or false");
                })
                .orElse(false);
        Optional<BookingState> state = r.value("state").flatMap(v -> {
            Optional<BookingState> found = WireForm.find(BookingState.class, v);
            if (found.isEmpty()) {
                r.fail(
                        "state",
                        "must be one of "
                                + Arrays.stream(BookingState.values())
                                        .map(BookingState::wire)
                                        .collect(Collectors.joining(", ")));
            }
            return found;
        });
        Optional<String> boat = r.text("boat");
        Optional<LocalDate> fromDay = r.date("from");
        Optional<LocalDate> toDay = r.date("to");
        if (fromDay.isPresent() && toDay.isPresent() && toDay.get().isBefore(fromDay.get())) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        Optional<String> q = r.text("q");
        int limit = r.value("limit").map(v -> r.limit(v)).orElse(DEFAULT_LIMIT);
        Optional<UUID> after = r.value("after").flatMap(v -> {
            try {
                return Optional.of(UUID.fromString(v));
            } catch (IllegalArgumentException e) {
                r.fail("after", "'" + shown(v) + "' is not a booking id (a UUID)");
                return Optional.empty();
            }
        });
        if (!errors.isEmpty()) {
            throw new AppException.InvalidInput(errors);
        }
        return new BookingQuery(
                attention,
                state,
                boat,
                fromDay.map(d -> d.atStartOfDay(marina).toInstant()),
                toDay.map(d -> d.plusDays(1).atStartOfDay(marina).toInstant()),
                q,
                limit,
                after);
    }

    /** A value echoed in an answer: cut short, anything that is not text replaced. */
    private static String shown(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return Characters.problem(cut).isPresent() ? cut.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?") : cut;
    }

    /** Reads single parameters, collecting what is wrong with them. */
    private record Reader(Map<String, List<String>> params, List<FieldError> errors) {
        Optional<String> value(String name) {
            List<String> values = params.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }

        <T> T fail(String name, String detail) {
            errors.add(new FieldError(name, detail));
            return null;
        }

        Optional<String> text(String name) {
            return value(name).flatMap(v -> {
                String trimmed = v.strip();
                if (trimmed.isEmpty()
                        || trimmed.length() > MAX_TEXT
                        || Characters.problem(trimmed).isPresent()) {
                    fail(name, "must be 1 to " + MAX_TEXT + " characters of text");
                    return Optional.empty();
                }
                return Optional.of(trimmed);
            });
        }

        Optional<LocalDate> date(String name) {
            return value(name).flatMap(v -> {
                try {
                    LocalDate d = LocalDate.parse(v);
                    if (JsonFields.isInYears(d)) {
                        return Optional.of(d);
                    }
                } catch (DateTimeParseException e) {
                    // answered below
                }
                fail(
                        name,
                        "'" + shown(v) + "' is not a date (YYYY-MM-DD) in the years " + JsonFields.MIN_YEAR + " to "
                                + JsonFields.MAX_YEAR);
                return Optional.empty();
            });
        }

        int limit(String v) {
            try {
                int limit = Integer.parseInt(v);
                if (limit >= 1 && limit <= MAX_LIMIT) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            fail("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            return DEFAULT_LIMIT;
        }
    }
}
