package io.chartersync.feed;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * What a feed last said about one of its events (UID), and what reconciliation made of it: the booking of a
 * timed event or the calendar block of an all-day one. An all-day event's span runs from the start of its
 * first day to the start of the day after its last, on the marina's clock. {@code vanishedAt}: since when its
 * booking is flagged {@code vanished_from_feed} ({@code reason} "gone" or "cancelled"); {@code keptAt}: the
 * operator chose to keep the booking, which holds until the feed lists the UID again.
 */
record KnownEvent(
        String uid,
        boolean allDay,
        Instant startsAt,
        Instant endsAt,
        ZoneId zone,
        Optional<String> guestName,
        boolean cancelled,
        Optional<UUID> bookingId,
        Optional<UUID> calendarEntryId,
        Optional<Instant> vanishedAt,
        Optional<String> vanishedReason,
        Optional<Instant> keptAt) {

    /** What a poll says of an event, before anything is made of it (no booking, block, flag or keep yet). */
    static KnownEvent said(
            String uid,
            boolean allDay,
            Instant startsAt,
            Instant endsAt,
            ZoneId zone,
            Optional<String> guestName,
            boolean cancelled) {
        return new KnownEvent(
                uid,
                allDay,
                startsAt,
                endsAt,
                zone,
                guestName,
                cancelled,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Whether the feed said the same about the event's time and guest as {@code other} says. */
    boolean sameTimingAs(KnownEvent other) {
        return allDay == other.allDay
                && startsAt.equals(other.startsAt)
                && endsAt.equals(other.endsAt)
                && zone.equals(other.zone);
    }
}
