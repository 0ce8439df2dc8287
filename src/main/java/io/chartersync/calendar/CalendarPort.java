package io.chartersync.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the sync workflow asks of the calendar. Each call is idempotent on the booking id. */
public interface CalendarPort {

    /**
     * Creates the booking's entry, or brings it in line with {@code entry}; answers the entry id. {@code
     * actor} is who asks, for the audit log ({@code sync} for the sync workflow).
     */
    String upsertForBooking(BookingEntry entry, String actor);

    /**
     * Blocks {@code boat} for whole days (a marketplace feed's all-day event): an entry of type {@code block}
     * from the start of {@code first} to the start of {@code endExclusive} on the marina's clock, noting {@code
     * note} as its guest name; {@code existing}, an entry made so before, is moved to these days instead.
     * Answers the entry id; {@link io.chartersync.common.AppException.Conflict} when the boat is taken then,
     * {@link io.chartersync.common.AppException.NotFound} when {@code existing} is not an entry.
     */
    String blockDays(
            Optional<String> existing, String boat, LocalDate first, LocalDate endExclusive, String note, String actor);

    /** Cancels an entry made by {@link #blockDays} (it stays, cancelled); nothing when it is cancelled already. */
    void cancelBlock(String entryId, String actor);

    /** The id of the entry a booking's entry clashes with, if it is stored in conflict. */
    Optional<String> conflictFor(UUID bookingId);

    /** The entry a booking's entry clashes with, as the operator names it (guest, boat, time), if in conflict. */
    Optional<Clash> clashFor(UUID bookingId);

    /**
     * The other side of a clash: its entry, its booking (none for an entry made through the calendar API), its
     * guest, boat and start on the marina's clock.
     */
    record Clash(String entryId, Optional<UUID> bookingId, String guestName, String boat, ZonedDateTime startsAt) {}

    /**
     * What a booking's entry clashes with, while it is held in conflict: the other entry as the operator
     * knows it, for the status document's {@code attention}.
     */
    Optional<Conflict> conflictOf(UUID bookingId);

    /**
     * A clash: the other entry ({@code otherBookingId} when a booking made it), its guest, boat, kind of
     * event and start on the marina's clock; {@code sameBoat} when it holds the same boat (otherwise it
     * holds one of the crew); {@code since} when the entry was first held in conflict.
     */
    record Conflict(
            String otherEntryId,
            Optional<UUID> otherBookingId,
            Optional<String> otherGuestName,
            Optional<String> otherBoat,
            String otherEventType,
            LocalDateTime otherStart,
            boolean sameBoat,
            Instant since) {}

    /** One booking's entry; {@code cancelled} marks it cancelled (the entry stays). */
    record BookingEntry(
            UUID bookingId,
            LocalDateTime start,
            ZoneId timeZone,
            BigDecimal durationHours,
            String location,
            String guestName,
            String boat,
            List<Assignment> assignments,
            boolean cancelled) {}

    /** A role on the charter: how many, at what hourly rate, and who (when known). */
    record Assignment(String role, int count, BigDecimal hourlyRate, List<String> members) {
        public Assignment {
            members = List.copyOf(members);
        }
    }
}
