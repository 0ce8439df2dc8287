package io.chartersync.common;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** What every feed of ours shares: the header, refresh hints, and a VTIMEZONE for each zone it uses. */
public final class ICalendars {
    /** How often subscribers should refresh. */
    public static final Duration REFRESH = Duration.ofMinutes(15);

    static {
        // The zone definitions ship with ical4j; never try to fetch updates over the network.
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    private ICalendars() {}

    /** The ORGANIZER of published events (RFC 5546 asks for one with METHOD:PUBLISH). */
    public static Organizer organizer(String host) {
        Organizer organizer = new Organizer(URI.create("mailto:calendar@" + host));
        organizer.add(new Cn("Charter Sync"));
        return organizer;
    }

    /** A published calendar named {@code name}, with the VTIMEZONE of each of {@code zones}. */
    public static Calendar feed(String prodId, String name, Collection<String> zones) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(prodId));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
        for (String zone : new LinkedHashSet<>(zones)) {
            if (hasZone(zone)) {
                calendar.add(ZONES.getTimeZone(zone).getVTimeZone());
            }
        }
        return calendar;
    }

    /**
     * {@code ics} (a calendar rendered without VTIMEZONEs) with the VTIMEZONE of each of {@code zones}
     * inserted before its first event: the same text {@link #feed} gives, without rendering each zone's
     * rules on every call (they are rendered once per zone and kept).
     */
    public static String withZones(String ics, Collection<String> zones) {
        StringBuilder definitions = new StringBuilder();
        for (String zone : new LinkedHashSet<>(zones)) {
            if (hasZone(zone)) {
                definitions.append(ZONE_TEXT.computeIfAbsent(
                        zone, z -> ZONES.getTimeZone(z).getVTimeZone().toString()));
            }
        }
        int at = ics.indexOf("BEGIN:VEVENT");
        return at < 0 ? ics : ics.substring(0, at) + definitions + ics.substring(at);
    }

    private static final java.util.Map<String, String> ZONE_TEXT = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * True when ical4j ships a VTIMEZONE for the zone. A few JDK zones have none (America/Coyhaique, the
     * SystemV ids): their events are written in UTC instead, so one such entry never breaks a feed.
     */
    public static boolean hasZone(String zone) {
        try {
            return ZONES.getTimeZone(zone) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** An event's time: on the zone's clock with its TZID when the feed has the zone, otherwise in UTC. */
    public static Temporal time(ZonedDateTime time) {
        return hasZone(time.getZone().getId()) ? time : time.toInstant();
    }
}
