package io.chartersync.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.JsonFields;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads the seed's {@code POST /calendar} body, naming every offending field. */
final class EntryParser {
    private static final Set<String> TYPES = Set.of("charter", "maintenance", "block");
    /** As for bookings: two weeks at most, and at most one assignment per role. */
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(14 * 24);

    private static final int MAX_ASSIGNMENTS = 20;
    private final ZoneId marinaZone;

    EntryParser(ZoneId marinaZone) {
        this.marinaZone = marinaZone;
    }

    EntryInput parse(JsonNode body) {
        JsonFields f = new JsonFields(body);
        String type = f.text("event_type", true).orElse("charter");
        if (!TYPES.contains(type)) {
            f.error("event_type", "must be one of charter, maintenance, block");
        }
        Optional<LocalDate> date =
                f.text("date", true).flatMap(d -> parse(f, "date", () -> LocalDate.parse(d), "a date (YYYY-MM-DD)"));
        LocalTime time = f.text("start_time", false)
                .flatMap(t -> parse(f, "start_time", () -> LocalTime.parse(t), "a time (HH:MM)"))
                .orElse(LocalTime.of(9, 0));
        ZoneId zone = f.zone("time_zone", false).orElse(marinaZone);
        BigDecimal hours = f.decimal("duration_hours", true).orElse(BigDecimal.ONE);
        if (hours.signum() <= 0) {
            f.error("duration_hours", "must be greater than 0");
        } else if (hours.compareTo(MAX_HOURS) > 0) {
            f.error("duration_hours", "must be at most " + MAX_HOURS + " hours");
        }
        date = date.filter(d -> f.inYears("date", d));
        date.filter(d -> zone.getRules().getValidOffsets(d.atTime(time)).isEmpty())
                .ifPresent(d -> f.error(
                        "start_time", d + "T" + time + " does not exist in " + zone + " (the clocks skip that hour)"));
        Optional<UUID> bookingId = f.text("booking_id", false)
                .flatMap(b -> parse(f, "booking_id", () -> UUID.fromString(b), "a booking id (UUID)"));
        List<CalendarPort.Assignment> assignments = assignments(f);
        String location = f.text("location", false).orElse("");
        String guest = f.text("guest_name", false).orElse("");
        String boat = f.text("boat", false).orElse("");
        f.throwIfAny();
        return new EntryInput(
                bookingId,
                type,
                date.orElseThrow(),
                time,
                zone,
                hours.stripTrailingZeros(),
                location,
                guest,
                boat,
                assignments,
                false);
    }

    private static List<CalendarPort.Assignment> assignments(JsonFields f) {
        JsonNode list = f.node("crew_assignments");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            f.error("crew_assignments", "must be an array");
            return List.of();
        }
        if (list.size() > MAX_ASSIGNMENTS) {
            f.error("crew_assignments", "holds at most " + MAX_ASSIGNMENTS + " assignments (one per role)");
            return List.of();
        }
        List<CalendarPort.Assignment> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "crew_assignments[" + i + "]";
            if (!f.isObject(at, true)) {
                continue;
            }
            String role = f.text(at + ".role", true).orElse("");
            BigDecimal count = f.decimal(at + ".count", true).orElse(BigDecimal.ONE);
            if (count.signum() <= 0
                    || count.stripTrailingZeros().scale() > 0
                    || count.compareTo(BigDecimal.valueOf(100)) > 0) {
                f.error(at + ".count", "must be a whole number from 1 to 100");
                count = BigDecimal.ONE;
            }
            BigDecimal rate = f.decimal(at + ".hourly_rate", true).orElse(BigDecimal.ZERO);
            if (rate.signum() < 0) {
                f.error(at + ".hourly_rate", "must not be negative");
            }
            List<String> members = new ArrayList<>();
            JsonNode named = f.node(at + ".members");
            if (named != null && !named.isNull()) {
                if (!named.isArray()) {
                    f.error(at + ".members", "must be an array of crew member ids");
                } else {
                    for (int j = 0; j < named.size(); j++) {
                        if (named.get(j).isTextual() && !named.get(j).asText().isBlank()) {
                            members.add(named.get(j).asText());
                        } else {
                            f.error(at + ".members[" + j + "]", "must be a crew member id");
                        }
                    }
                }
            }
            if (members.size() > count.intValue()) {
                f.error(at + ".members", "names " + members.size() + " members but count is " + count);
            }
            out.add(new CalendarPort.Assignment(role, count.intValue(), rate.stripTrailingZeros(), members));
        }
        return out;
    }

    private static <T> Optional<T> parse(JsonFields f, String field, ThrowingSupplier<T> parse, String expected) {
        try {
            return Optional.of(parse.get());
        } catch (DateTimeException | IllegalArgumentException e) {
            f.error(field, "must be " + expected);
            return Optional.empty();
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get();
    }
}
