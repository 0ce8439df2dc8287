package io.chartersync.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A validated entry to write: local date and time on the marina's clock, its zone, and the rest. */
record EntryInput(
        Optional<UUID> bookingId,
        String eventType,
        LocalDate date,
        LocalTime startTime,
        ZoneId zone,
        BigDecimal durationHours,
        String location,
        String guestName,
        String boat,
        List<CalendarPort.Assignment> assignments,
        boolean cancelled) {

    /** Every crew member named in the assignments. */
    List<String> members() {
        return assignments.stream()
                .flatMap(a -> a.members().stream())
                .distinct()
                .toList();
    }

    Instant startsAt() {
        return ZonedDateTime.of(date, startTime, zone).toInstant();
    }

    /** Durations are time on the water, so the end is the start plus the duration in elapsed time. */
    Instant endsAt() {
        long seconds = durationHours.multiply(BigDecimal.valueOf(3600)).longValue();
        return startsAt().plusSeconds(seconds);
    }
}
