package io.chartersync.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.CharterTimes;
import io.chartersync.common.CrewAssignments;
import io.chartersync.common.JsonFields;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the seed's {@code POST /calendar} body (and {@code PUT /calendar/{id}}), naming every offending field.
 * Start, duration and crew follow the rules every charter body shares ({@link CharterTimes}, {@link
 * CrewAssignments}).
 */
final class EntryParser {
    private static final Set<String> TYPES = Set.of("charter", "maintenance", "block");
    private static final LocalTime DEFAULT_START = LocalTime.of(9, 0);

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
        ZoneId zone = f.zone("time_zone", false).orElse(marinaZone);
        Optional<ZonedDateTime> start = CharterTimes.start(f, "date", "start_time", DEFAULT_START, zone);
        BigDecimal hours = CharterTimes.durationHours(f, "duration_hours");
        Optional<UUID> bookingId = f.text("booking_id", false).flatMap(b -> bookingId(f, b));
        List<CalendarPort.Assignment> assignments = CrewAssignments.read(f, "crew_assignments").stream()
                .map(a -> new CalendarPort.Assignment(a.role(), a.count(), a.hourlyRate(), a.members()))
                .toList();
        String location = f.text("location", false).orElse("");
        String guest = f.text("guest_name", false).orElse("");
        String boat = f.text("boat", false).orElse("");
        f.throwIfAny();
        return new EntryInput(
                bookingId,
                type,
                start.orElseThrow().toLocalDate(),
                start.orElseThrow().toLocalTime(),
                zone,
                hours,
                location,
                guest,
                boat,
                assignments,
                false);
    }

    private static Optional<UUID> bookingId(JsonFields f, String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            f.error("booking_id", "must be a booking id (UUID)");
            return Optional.empty();
        }
    }
}
