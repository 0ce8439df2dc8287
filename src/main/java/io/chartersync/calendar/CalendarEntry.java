package io.chartersync.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A calendar entry as the operator sees it (the calendar is an operator tool; crew never see it), with
 * its planned labor cost. {@code conflictWith} names the active entry a booking's entry clashed with.
 */
record CalendarEntry(
        UUID id,
        UUID bookingId,
        String eventType,
        LocalDate date,
        LocalTime startTime,
        String timeZone,
        Instant startsAt,
        Instant endsAt,
        BigDecimal durationHours,
        String location,
        String guestName,
        String boat,
        List<CalendarPort.Assignment> crewAssignments,
        EntryStatus status,
        Optional<UUID> conflictWith,
        int sequence,
        LaborCost laborCost) {}
