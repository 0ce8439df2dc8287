package io.chartersync.feed;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * One VEVENT of a marketplace feed, as reconciliation needs it: its UID (the booking's {@code external_id}),
 * when it is, the guest's name when SUMMARY names one, and whether the feed says it is cancelled.
 */
record FeedEvent(String uid, Timing timing, Optional<String> guestName, boolean cancelled) {

    /** When an event is: a time span, or whole days (which block the boat). */
    sealed interface Timing permits At, AllDay {}

    /**
     * A span of time: {@code start} and {@code end} in the event's own zone (its TZID), or on the marina's
     * clock for UTC and floating times.
     */
    record At(ZonedDateTime start, ZonedDateTime end) implements Timing {}

    /** Whole days: {@code first} up to, not including, {@code endExclusive} (DTEND of a DATE event). */
    record AllDay(LocalDate first, LocalDate endExclusive) implements Timing {}
}
