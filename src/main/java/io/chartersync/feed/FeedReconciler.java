package io.chartersync.feed;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.booking.BookingDesk;
import io.chartersync.booking.BookingStatus;
import io.chartersync.booking.Saved;
import io.chartersync.calendar.CalendarPort;
import io.chartersync.common.AppException;
import io.chartersync.common.JsonFields;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the bookings and calendar blocks of one feed in line with what a successful poll listed (DESIGN.md,
 * "Feeds"). Events that have ended are ignored. A timed event is a booking of the feed's source and boat
 * ({@code external_id} = its UID) made through the booking desk like any other, so it syncs and shows {@code
 * no_crew} until the operator adds crew; when the feed moves it, only the fields the feed owns change (start,
 * time zone, duration, and the guest's name while the operator has not changed it). An all-day event is a
 * calendar block of the boat. A UID the poll no longer lists while its start is ahead, or that turns {@code
 * STATUS:CANCELLED}, flags its booking {@code vanished_from_feed} (or cancels it, with {@code auto_cancel});
 * its block is cancelled. Each event is reconciled on its own: one the booking rules refuse is skipped (and
 * logged) without stopping the others.
 */
final class FeedReconciler {
    private static final Logger log = LoggerFactory.getLogger(FeedReconciler.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What a reconciliation did, for the poll's log line and the feed's {@code events}. */
    record Tally(int ahead, int created, int moved, int vanished, int cancelled, int blocks, int skipped) {}

    private final FeedStore store;
    private final BookingDesk desk;
    private final CalendarPort calendar;
    private final Function<String, Optional<String>> meetingPoint;
    private final ZoneId marina;

    /** {@code meetingPoint}: where guests meet a boat, when its profile says (the booking's location). */
    FeedReconciler(
            FeedStore store,
            BookingDesk desk,
            CalendarPort calendar,
            Function<String, Optional<String>> meetingPoint,
            ZoneId marina) {
        this.store = store;
        this.desk = desk;
        this.calendar = calendar;
        this.meetingPoint = meetingPoint;
        this.marina = marina;
    }

    /** A mutable count while reconciling. */
    private static final class Counts {
        int ahead;
        int created;
        int moved;
        int vanished;
        int cancelled;
        int blocks;
        int skipped;

        Tally tally() {
            return new Tally(ahead, created, moved, vanished, cancelled, blocks, skipped);
        }
    }

    Tally reconcile(Feed feed, List<FeedEvent> events, Instant now) {
        Map<String, KnownEvent> known = store.events(feed.id());
        Set<String> listed = new HashSet<>();
        Counts counts = new Counts();
        for (FeedEvent event : events) {
            listed.add(event.uid());
            KnownEvent said = said(event);
            if (!said.endsAt().isAfter(now)) {
                continue;
            }
            Optional<KnownEvent> before = Optional.ofNullable(known.get(event.uid()));
            try {
                if (event.cancelled()) {
                    cancelledInFeed(feed, said, before, now, counts);
                } else {
                    counts.ahead++;
                    if (said.allDay()) {
                        block(feed, said, before, now, counts);
                    } else {
                        booking(feed, event, said, before, now, counts);
                    }
                }
            } catch (AppException e) {
                counts.skipped++;
                log.warn("feed {}: event {} skipped: {}", feed.id(), event.uid(), e.getMessage());
            }
        }
        for (KnownEvent k : known.values()) {
            if (!listed.contains(k.uid())) {
                gone(feed, k, now, "gone", counts);
            }
        }
        return counts.tally();
    }

    /** What the feed says of {@code event} now, with nothing made of it yet. */
    private KnownEvent said(FeedEvent event) {
        return switch (event.timing()) {
            case FeedEvent.At at ->
                KnownEvent.said(
                        event.uid(),
                        false,
                        at.start().toInstant(),
                        at.end().toInstant(),
                        zoneOf(at.start()),
                        event.guestName(),
                        event.cancelled());
            case FeedEvent.AllDay days ->
                KnownEvent.said(
                        event.uid(),
                        true,
                        days.first().atStartOfDay(marina).toInstant(),
                        days.endExclusive().atStartOfDay(marina).toInstant(),
                        marina,
                        event.guestName(),
                        event.cancelled());
        };
    }

    /** The event's own zone when it is a named one (TZID), else the marina's (UTC, floating, an offset). */
    private ZoneId zoneOf(ZonedDateTime start) {
        ZoneId zone = start.getZone();
        return zone instanceof ZoneOffset || !JsonFields.isIanaZone(zone.getId()) ? marina : zone;
    }

    private void booking(
            Feed feed, FeedEvent event, KnownEvent said, Optional<KnownEvent> before, Instant now, Counts counts) {
        Optional<BookingStatus> existing = before.flatMap(KnownEvent::bookingId)
                .flatMap(desk::find)
                .or(() -> desk.findByExternal(feed.source(), event.uid()));
        if (existing.isEmpty()) {
            Saved saved = desk.submit(desk.parse(body(feed, event, said)), actor(feed));
            counts.created++;
            store.save(feed.id(), with(said, saved.id(), before), now);
            return;
        }
        BookingStatus booking = existing.get();
        ObjectNode patch = JSON.objectNode();
        if (before.isEmpty() || !said.sameTimingAs(before.get())) {
            timing(patch, said);
        }
        Optional<String> shownBefore = before.map(b -> b.guestName().orElse(placeholder(feed.source())));
        if (event.guestName().isPresent()
                && !event.guestName().equals(before.flatMap(KnownEvent::guestName))
                && shownBefore.filter(booking.booking().guest().name()::equals).isPresent()) {
            patch.putObject("guest").put("name", event.guestName().get());
        }
        if (!patch.isEmpty()) {
            try {
                if (desk.patch(booking.id(), patch, actor(feed)).outcome() == Saved.Outcome.UPDATED) {
                    counts.moved++;
                }
            } catch (AppException.Conflict cancelledByTheOperator) {
                // A cancelled booking stays cancelled: the operator decided.
            }
        }
        store.save(feed.id(), with(said, booking.id(), before), now);
    }

    /** {@code said} with its booking, its block kept from before, and its vanished flag and keep cleared. */
    private static KnownEvent with(KnownEvent said, UUID bookingId, Optional<KnownEvent> before) {
        return new KnownEvent(
                said.uid(),
                said.allDay(),
                said.startsAt(),
                said.endsAt(),
                said.zone(),
                said.guestName(),
                said.cancelled(),
                Optional.of(bookingId),
                before.flatMap(KnownEvent::calendarEntryId),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private void block(Feed feed, KnownEvent said, Optional<KnownEvent> before, Instant now, Counts counts) {
        Optional<String> entry = before.flatMap(KnownEvent::calendarEntryId).map(UUID::toString);
        boolean unchanged =
                before.filter(b -> b.sameTimingAs(said) && !b.cancelled()).isPresent();
        if (!unchanged || entry.isEmpty()) {
            ZonedDateTime first = said.startsAt().atZone(marina);
            ZonedDateTime end = said.endsAt().atZone(marina);
            String note = "Blocked by the " + sourceName(feed.source()) + " calendar";
            try {
                entry = Optional.of(calendar.blockDays(
                        entry, feed.boat(), first.toLocalDate(), end.toLocalDate(), note, actor(feed)));
            } catch (AppException.NotFound removed) {
                entry = Optional.of(calendar.blockDays(
                        Optional.empty(), feed.boat(), first.toLocalDate(), end.toLocalDate(), note, actor(feed)));
            }
            counts.blocks++;
        }
        store.save(
                feed.id(),
                new KnownEvent(
                        said.uid(),
                        true,
                        said.startsAt(),
                        said.endsAt(),
                        said.zone(),
                        said.guestName(),
                        false,
                        before.flatMap(KnownEvent::bookingId),
                        entry.map(UUID::fromString),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                now);
    }

    /** An event the feed lists as cancelled: what was made of it is flagged (a booking) or cancelled (a block). */
    private void cancelledInFeed(Feed feed, KnownEvent said, Optional<KnownEvent> before, Instant now, Counts counts) {
        if (before.isEmpty()) {
            return;
        }
        KnownEvent b = before.get();
        if (b.bookingId().isPresent()) {
            store.save(
                    feed.id(),
                    new KnownEvent(
                            b.uid(),
                            b.allDay(),
                            b.startsAt(),
                            b.endsAt(),
                            b.zone(),
                            b.guestName(),
                            true,
                            b.bookingId(),
                            b.calendarEntryId(),
                            b.vanishedAt(),
                            b.vanishedReason(),
                            b.keptAt()),
                    now);
        }
        gone(feed, b, now, "cancelled", counts);
    }

    /**
     * The feed no longer lists {@code k} (or lists it cancelled): its block is cancelled; its booking, while it
     * is ahead and neither flagged already nor kept by the operator, is flagged (or cancelled, with auto-cancel).
     */
    private void gone(Feed feed, KnownEvent k, Instant now, String reason, Counts counts) {
        try {
            if (k.bookingId().isEmpty()) {
                k.calendarEntryId().ifPresent(entry -> calendar.cancelBlock(entry.toString(), actor(feed)));
                store.forget(feed.id(), k.uid());
                return;
            }
            if (!k.startsAt().isAfter(now)
                    || k.vanishedAt().isPresent()
                    || k.keptAt().isPresent()) {
                return;
            }
            if (feed.autoCancel()) {
                desk.cancel(k.bookingId().get(), actor(feed));
                counts.cancelled++;
            } else {
                counts.vanished++;
            }
            store.vanish(feed.id(), k.uid(), now, reason);
        } catch (AppException e) {
            counts.skipped++;
            log.warn("feed {}: vanished event {} not handled: {}", feed.id(), k.uid(), e.getMessage());
        }
    }

    /** A new booking's body: what the feed gives, and the required fields it cannot give (see getting-bookings-in). */
    private ObjectNode body(Feed feed, FeedEvent event, KnownEvent said) {
        ObjectNode body = JSON.objectNode();
        body.put("source", feed.source());
        body.put("external_id", event.uid());
        timing(body, said);
        body.put("boat", feed.boat());
        body.put("location", meetingPoint.apply(feed.boat()).orElse(feed.boat()));
        body.putObject("guest").put("name", event.guestName().orElse(placeholder(feed.source())));
        body.putObject("notes")
                .put(
                        "internal",
                        "From the " + sourceName(feed.source())
                                + " calendar feed: add the crew, and the guest's details if you have them.");
        return body;
    }

    /** The fields of the booking's time: the start (with its offset, so its instant), zone and duration. */
    private static void timing(ObjectNode node, KnownEvent said) {
        node.put("start", said.startsAt().atZone(said.zone()).toOffsetDateTime().toString());
        node.put("time_zone", said.zone().getId());
        long minutes = Duration.between(said.startsAt(), said.endsAt()).toMinutes();
        node.put(
                "duration_hours",
                BigDecimal.valueOf(minutes)
                        .divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString());
    }

    /** The guest's name when the feed gives none: "Guest (from Boatsetter)". */
    static String placeholder(String source) {
        return "Guest (from " + sourceName(source) + ")";
    }

    /** The marketplace's name as it writes it: Boatsetter, GetMyBoat, Click&Boat; else the source capitalised. */
    static String sourceName(String source) {
        return switch (source.replace("-", "").replace("_", "")) {
            case "boatsetter" -> "Boatsetter";
            case "getmyboat" -> "GetMyBoat";
            case "clickandboat", "clickboat" -> "Click&Boat";
            default -> source.isEmpty() ? source : Character.toUpperCase(source.charAt(0)) + source.substring(1);
        };
    }

    private static String actor(Feed feed) {
        return "feed:" + feed.id();
    }
}
