package io.chartersync.crew;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/** A crew event as stored. It has no revenue field: crew-facing output is built from it. */
record StoredEvent(
        UUID id,
        Optional<UUID> bookingId,
        String eventName,
        String boat,
        Instant startsAt,
        ZoneId zone,
        BigDecimal durationHours,
        String location,
        String notes,
        String guestPageUrl,
        String guestName,
        Optional<Integer> partySize,
        Optional<String> captainId,
        boolean cancelled,
        int version) {

    StoredEvent {
        durationHours = durationHours.stripTrailingZeros();
    }

    ZonedDateTime localStart() {
        return startsAt.atZone(zone);
    }

    Instant endsAt() {
        return startsAt.plusSeconds(
                durationHours.multiply(BigDecimal.valueOf(3600)).longValue());
    }

    /** True when the change from {@code before} is one crew must confirm again (time or place). */
    boolean crewMustReconfirm(StoredEvent before) {
        return !startsAt.equals(before.startsAt)
                || durationHours.compareTo(before.durationHours) != 0
                || !location.equals(before.location);
    }

    StoredEvent withVersion(int newVersion) {
        return with(cancelled, newVersion);
    }

    StoredEvent cancel() {
        return with(true, version);
    }

    private StoredEvent with(boolean isCancelled, int newVersion) {
        return new StoredEvent(
                id,
                bookingId,
                eventName,
                boat,
                startsAt,
                zone,
                durationHours,
                location,
                notes,
                guestPageUrl,
                guestName,
                partySize,
                captainId,
                isCancelled,
                newVersion);
    }

    /**
     * This event (parsed from a seed body) taking the place of {@code before}: its id, booking, version,
     * and the guest details the seed body does not carry, unless this one has them.
     */
    StoredEvent replacing(StoredEvent before) {
        return new StoredEvent(
                before.id,
                before.bookingId,
                eventName,
                boat.isBlank() ? before.boat : boat,
                startsAt,
                zone,
                durationHours,
                location,
                notes,
                guestPageUrl,
                guestName.isBlank() ? before.guestName : guestName,
                partySize.or(() -> before.partySize),
                captainId,
                false,
                before.version);
    }
}
