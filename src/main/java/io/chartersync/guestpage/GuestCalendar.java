package io.chartersync.guestpage;

import io.chartersync.common.ICalendars;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The guest's "add to calendar" file: one event, the charter, on the marina's clock (RFC 5545). Written
 * directly rather than through ical4j's object model, which costs milliseconds per publish; the zone's
 * VTIMEZONE still comes from ical4j (rendered once per zone). Tests read the file back with ical4j.
 */
final class GuestCalendar {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private GuestCalendar() {}

    static String render(GuestView v, String pageUrl, String uidDomain, int sequence, Instant now) {
        long seconds = v.durationHours().multiply(BigDecimal.valueOf(3600)).longValue();
        ZonedDateTime start = v.startsAt();
        ZonedDateTime end = start.toInstant().plusSeconds(seconds).atZone(start.getZone());
        boolean zoned = ICalendars.hasZone(v.zoneId());
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "PRODID:-//Charter Sync//Guest charter//EN");
        line(ics, "VERSION:2.0");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text(v.boat() + " charter"));
        line(ics, "BEGIN:VEVENT");
        line(ics, "DTSTAMP:" + UTC.format(now.atOffset(ZoneOffset.UTC)));
        line(ics, time("DTSTART", start, zoned));
        line(ics, time("DTEND", end, zoned));
        line(ics, "SUMMARY:" + text("Charter on " + v.boat()));
        line(ics, "UID:guest-" + v.slug() + "@" + uidDomain);
        line(ics, "ORGANIZER;CN=Charter Sync:mailto:calendar@" + uidDomain);
        line(ics, "SEQUENCE:" + sequence);
        line(ics, "LOCATION:" + text(v.location()));
        line(ics, "DESCRIPTION:" + text("Meet at " + v.location() + ". Your charter page: " + pageUrl));
        line(ics, "URL:" + pageUrl);
        line(ics, "STATUS:" + (v.cancelled() ? "CANCELLED" : "CONFIRMED"));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ICalendars.withZones(ics.toString(), zoned ? List.of(v.zoneId()) : List.of());
    }

    private static String time(String name, ZonedDateTime t, boolean zoned) {
        return zoned
                ? name + ";TZID=" + t.getZone().getId() + ":" + LOCAL.format(t)
                : name + ":" + UTC.format(t.withZoneSameInstant(ZoneOffset.UTC));
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets (a CRLF and a space), never inside a UTF-8 sequence. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
