package io.chartersync.calendar;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The operator's calendar as RFC 5545 (ical4j): a stable UID per entry, SEQUENCE from the entry, start and
 * end on the marina's clock with its VTIMEZONE, STATUS:CANCELLED for cancelled entries, refresh hints.
 */
final class CalendarFeed {
    static final String REFRESH = "PT15M";

    static {
        // The zone definitions ship with ical4j; never try to fetch updates over the network.
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    private final String uidDomain;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    CalendarFeed(String uidDomain) {
        this.uidDomain = uidDomain;
    }

    String render(String name, List<CalendarEntry> entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Charter Sync//Operator calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), Duration.parse(REFRESH)));
        Set<String> zoneIds = new LinkedHashSet<>();
        entries.forEach(e -> zoneIds.add(e.timeZone()));
        for (String zone : zoneIds) {
            calendar.add(zones.getTimeZone(zone).getVTimeZone());
        }
        for (CalendarEntry e : entries) {
            ZoneId zone = ZoneId.of(e.timeZone());
            VEvent event = new VEvent(e.startsAt().atZone(zone), e.endsAt().atZone(zone), summary(e));
            event.add(new Uid(e.id() + "@" + uidDomain));
            event.add(new Sequence(e.sequence()));
            if (!e.location().isBlank()) {
                event.add(new Location(e.location()));
            }
            event.add(new Description(description(e)));
            event.add(new Status(e.status().equals("cancelled") ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
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
