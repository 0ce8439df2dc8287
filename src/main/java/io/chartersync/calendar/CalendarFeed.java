package io.chartersync.calendar;

import io.chartersync.common.ICalendars;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;

/**
 * The operator's calendar as RFC 5545 (ical4j): a stable UID per entry, SEQUENCE from the entry, start and
 * end on the marina's clock with its VTIMEZONE, STATUS:CANCELLED for cancelled entries, refresh hints.
 */
final class CalendarFeed {

    private final String uidDomain;

    CalendarFeed(String uidDomain) {
        this.uidDomain = uidDomain;
    }

    String render(String name, List<CalendarEntry> entries) {
        Calendar calendar = ICalendars.feed(
                "-//Charter Sync//Operator calendar//EN",
                name,
                entries.stream().map(CalendarEntry::timeZone).toList());
        for (CalendarEntry e : entries) {
            ZoneId zone = ZoneId.of(e.timeZone());
            VEvent event = new VEvent(
                    ICalendars.time(e.startsAt().atZone(zone)),
                    ICalendars.time(e.endsAt().atZone(zone)),
                    summary(e));
            event.add(new Uid(e.id() + "@" + uidDomain));
            event.add(ICalendars.organizer(uidDomain));
            event.add(new Sequence(e.sequence()));
            if (!e.location().isBlank()) {
                event.add(new Location(e.location()));
            }
            event.add(new Description(description(e)));
            event.add(
                    new Status(e.status() == EntryStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
            calendar.add(event);
        }
        return calendar.toString();
    }

    private static String summary(CalendarEntry e) {
        String boat = e.boat().isBlank() ? "" : e.boat() + " ";
        String guest = e.guestName().isBlank() ? "" : ": " + e.guestName();
        return boat + e.eventType() + guest;
    }

    private static String description(CalendarEntry e) {
        StringBuilder d = new StringBuilder();
        for (CalendarPort.Assignment a : e.crewAssignments()) {
            d.append(a.count()).append(" × ").append(a.role());
            if (!a.members().isEmpty()) {
                d.append(" (").append(String.join(", ", a.members())).append(')');
            }
            d.append('\n');
        }
        e.conflictWith()
                .ifPresent(
                        other -> d.append("CONFLICT with entry ").append(other).append('\n'));
        return d.toString().strip();
    }
}
