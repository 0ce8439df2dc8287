package io.chartersync.feed;

import io.chartersync.feed.IcsReader.Component;
import io.chartersync.feed.IcsReader.Line;
import io.chartersync.feed.IcsTimes.Day;
import io.chartersync.feed.IcsTimes.Moment;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a marketplace's iCalendar export into {@link FeedEvent}s: UTC, floating and TZID times (with or
 * without VTIMEZONE), folded lines, CRLF or LF, duplicate UIDs, RECURRENCE-ID. UTC and floating times are
 * read on the marina's clock.
 *
 * <p>An own reader ({@link IcsReader}), not ical4j: ical4j's parser refuses a whole file for one bad line
 * and resolves TZIDs through its own registry, while marketplace exports are often slightly off; here a bad
 * event is skipped and the rest of the feed still counts, and the frame (BEGIN/END) is checked strictly so
 * an error page is never read as "no events". The decisions, for every feed:
 *
 * <ul>
 *   <li>Times: see {@link IcsTimes} (UTC converted to the marina's zone, floating read there, TZID honoured,
 *       an unknown TZID read on the marina's clock).
 *   <li>A DATE DTSTART is a whole-day event; its DTEND is exclusive; without DTEND it lasts its DURATION in
 *       days, else one day; a DTEND not after DTSTART counts as one day.
 *   <li>A DATE-TIME DTSTART ends at DTEND, or DTSTART plus DURATION. Without either, or with an end not after
 *       the start, the event lasts {@link #DEFAULT_LENGTH one hour}: the RFC's zero-length event would be a
 *       booking that blocks nothing, and skipping it would lose a reservation; an hour at the right start
 *       blocks the boat and shows the operator a booking whose length to check.
 *   <li>An event without UID, or without a readable DTSTART, is skipped (its UID is the booking's key, its
 *       start the booking's time; neither can be made up).
 *   <li>Several events with one UID: the one with the highest SEQUENCE, on a tie the later in the file.
 *   <li>RECURRENCE-ID: marketplace feeds carry one event per reservation, so a UID is one booking. An
 *       override replaces its master when the master has no RRULE/RDATE (it is the only occurrence). For a
 *       master with RRULE or RDATE only its first occurrence (its DTSTART) is read, replaced by an override
 *       of that occurrence if there is one; the series is never expanded, because every occurrence would
 *       share the UID, which is one booking. Overrides without a master stand for it.
 *   <li>STATUS:CANCELLED marks the event cancelled. The guest name comes from SUMMARY via
 *       {@link GuestNames}.
 * </ul>
 */
final class FeedParser {
    /** The length of a DATE-TIME event that has no usable end. */
    static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

    private final ZoneId marina;

    FeedParser(ZoneId marina) {
        this.marina = marina;
    }

    /** One readable VEVENT, before UIDs are merged. */
    private record Candidate(
            int position,
            FeedEvent event,
            int sequence,
            boolean override,
            boolean recurring,
            Optional<IcsTimes.Value> recurrenceId) {}

    /**
     * Every event of the file, at most one per UID, in the file's order (past ones too: the caller
     * filters on time). An empty calendar is an empty list.
     *
     * @throws FeedFailure of kind UNPARSABLE when the body is not an iCalendar file
     */
    List<FeedEvent> parse(byte[] body) throws FeedFailure {
        Map<String, List<Candidate>> byUid = new LinkedHashMap<>();
        int position = 0;
        for (Component calendar : IcsReader.read(body)) {
            IcsTimes times = new IcsTimes(marina, calendar.children("VTIMEZONE"));
            for (Component vevent : calendar.children("VEVENT")) {
                Optional<Candidate> candidate = candidate(position++, vevent, times);
                candidate.ifPresent(c -> byUid.computeIfAbsent(c.event().uid(), k -> new ArrayList<>())
                        .add(c));
            }
        }
        return byUid.values().stream().map(FeedParser::choose).toList();
    }

    private static FeedEvent choose(List<Candidate> all) {
        Comparator<Candidate> best =
                Comparator.comparingInt(Candidate::sequence).thenComparingInt(Candidate::position);
        Optional<Candidate> master = all.stream().filter(c -> !c.override()).max(best);
        List<Candidate> overrides = all.stream().filter(Candidate::override).toList();
        if (master.isPresent() && master.get().recurring()) {
            Object first = start(master.get().event().timing());
            return overrides.stream()
                    .filter(o -> o.recurrenceId()
                            .map(FeedParser::start)
                            .filter(first::equals)
                            .isPresent())
                    .max(best)
                    .orElse(master.get())
                    .event();
        }
        return overrides.stream().max(best).or(() -> master).orElseThrow().event();
    }

    /** What identifies an occurrence: its date, or its instant. */
    private static Object start(FeedEvent.Timing timing) {
        return switch (timing) {
            case FeedEvent.AllDay day -> day.first();
            case FeedEvent.At at -> at.start().toInstant();
        };
    }

    private static Object start(IcsTimes.Value value) {
        return switch (value) {
            case Day day -> day.date();
            case Moment moment -> moment.at().toInstant();
        };
    }

    private Optional<Candidate> candidate(int position, Component vevent, IcsTimes times) {
        Optional<String> uid = text(vevent, "UID").filter(u -> !u.isBlank()).map(String::trim);
        Optional<IcsTimes.Value> start = vevent.first("DTSTART").flatMap(times::value);
        if (uid.isEmpty() || start.isEmpty()) {
            return Optional.empty();
        }
        Optional<IcsTimes.Value> end = vevent.first("DTEND").flatMap(times::value);
        Optional<String> duration = text(vevent, "DURATION");
        FeedEvent.Timing timing = switch (start.get()) {
            case Day day -> allDay(day, end, duration);
            case Moment moment -> at(moment.at(), end, duration);
        };
        boolean cancelled = text(vevent, "STATUS")
                .filter(s -> s.trim().equalsIgnoreCase("CANCELLED"))
                .isPresent();
        Optional<String> guest = text(vevent, "SUMMARY").flatMap(GuestNames::from);
        int sequence = text(vevent, "SEQUENCE").map(FeedParser::integer).orElse(0);
        Optional<Line> recurrenceId = vevent.first("RECURRENCE-ID");
        boolean recurring =
                vevent.first("RRULE").isPresent() || vevent.first("RDATE").isPresent();
        return Optional.of(new Candidate(
                position,
                new FeedEvent(uid.get(), timing, guest, cancelled),
                sequence,
                recurrenceId.isPresent(),
                recurring,
                recurrenceId.flatMap(times::value)));
    }

    private static FeedEvent.AllDay allDay(Day start, Optional<IcsTimes.Value> end, Optional<String> duration) {
        var first = start.date();
        var last = end.map(e -> switch (e) {
                    case Day day -> day.date();
                    case Moment moment -> moment.at().toLocalDate();
                })
                .or(() -> duration.flatMap(IcsTimes::days).map(first::plusDays))
                .filter(e -> e.isAfter(first))
                .orElse(first.plusDays(1));
        return new FeedEvent.AllDay(first, last);
    }

    private static FeedEvent.At at(ZonedDateTime start, Optional<IcsTimes.Value> end, Optional<String> duration) {
        ZonedDateTime stop = end.map(e -> switch (e) {
                    case Day day -> day.date().atStartOfDay(start.getZone());
                    case Moment moment -> moment.at().withZoneSameInstant(start.getZone());
                })
                .or(() -> duration.flatMap(d -> IcsTimes.plus(start, d)))
                .filter(e -> e.isAfter(start))
                .orElse(start.plus(DEFAULT_LENGTH));
        return new FeedEvent.At(start, stop);
    }

    private static Optional<String> text(Component vevent, String property) {
        return vevent.first(property).map(l -> IcsReader.text(l.value()));
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
