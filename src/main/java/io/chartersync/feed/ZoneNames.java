package io.chartersync.feed;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A TZID's zone: an IANA id ("Europe/Berlin", also with a path prefix such as
 * {@code /mozilla.org/20050126_1/Europe/Berlin} or {@code /softwarestudio.org/Olson_20011030_5/...}), UTC
 * spelled "UTC", "GMT" or "Z", or one of the Windows zone names that Outlook-made calendars use. Not a full
 * CLDR table: the names marinas are likely to meet (the Americas, Europe, the Mediterranean, Australia).
 */
final class ZoneNames {
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("eastern standard time", "America/New_York"),
            Map.entry("central standard time", "America/Chicago"),
            Map.entry("mountain standard time", "America/Denver"),
            Map.entry("us mountain standard time", "America/Phoenix"),
            Map.entry("pacific standard time", "America/Los_Angeles"),
            Map.entry("alaskan standard time", "America/Anchorage"),
            Map.entry("hawaiian standard time", "Pacific/Honolulu"),
            Map.entry("atlantic standard time", "America/Halifax"),
            Map.entry("sa western standard time", "America/La_Paz"),
            Map.entry("sa pacific standard time", "America/Bogota"),
            Map.entry("central standard time (mexico)", "America/Mexico_City"),
            Map.entry("eastern standard time (mexico)", "America/Cancun"),
            Map.entry("e. south america standard time", "America/Sao_Paulo"),
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("greenwich standard time", "Atlantic/Reykjavik"),
            Map.entry("w. europe standard time", "Europe/Berlin"),
            Map.entry("romance standard time", "Europe/Paris"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("central european standard time", "Europe/Warsaw"),
            Map.entry("gtb standard time", "Europe/Bucharest"),
            Map.entry("e. europe standard time", "Europe/Chisinau"),
            Map.entry("fle standard time", "Europe/Kiev"),
            Map.entry("turkey standard time", "Europe/Istanbul"),
            Map.entry("israel standard time", "Asia/Jerusalem"),
            Map.entry("arabian standard time", "Asia/Dubai"),
            Map.entry("singapore standard time", "Asia/Singapore"),
            Map.entry("aus eastern standard time", "Australia/Sydney"),
            Map.entry("e. australia standard time", "Australia/Brisbane"),
            Map.entry("w. australia standard time", "Australia/Perth"),
            Map.entry("new zealand standard time", "Pacific/Auckland"),
            Map.entry("utc", "UTC"),
            Map.entry("gmt", "UTC"),
            Map.entry("z", "UTC"));

    private ZoneNames() {}

    static Optional<ZoneId> resolve(String tzid) {
        String id = IcsTimes.unquote(tzid);
        Optional<ZoneId> found =
                Optional.ofNullable(WINDOWS.get(id.toLowerCase(Locale.ROOT))).map(ZoneId::of);
        if (found.isPresent()) {
            return found;
        }
        String[] parts = id.split("/");
        for (int from = 0; from < parts.length; from++) {
            String candidate = String.join("/", Arrays.asList(parts).subList(from, parts.length));
            if (candidate.contains("/") || from == parts.length - 1) {
                Optional<ZoneId> zone = of(candidate);
                if (zone.isPresent()) {
                    return zone;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneId> of(String id) {
        if (id.isEmpty() || !ZoneId.getAvailableZoneIds().contains(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
