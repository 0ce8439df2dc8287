package io.chartersync.feed;

import io.chartersync.feed.IcsReader.Component;
import io.chartersync.feed.IcsReader.Line;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DATE and DATE-TIME values of one calendar, and the zones their TZIDs name.
 *
 * <ul>
 *   <li>{@code 20270612T140000Z} (UTC) and {@code 20270612T140000} (floating) are read on the marina's
 *       clock: a UTC time is converted to the marina's zone, a floating time is taken as a time there.
 *   <li>{@code TZID=...}: the id is read as an IANA zone id first, quotes and a path prefix such as
 *       {@code /mozilla.org/20050126_1/Europe/Berlin} removed; then the VTIMEZONE's {@code X-LIC-LOCATION};
 *       then the common Windows names ("W. Europe Standard Time", "Eastern Standard Time"...). A TZID that
 *       is none of these but has a VTIMEZONE is computed from that VTIMEZONE's STANDARD and DAYLIGHT
 *       offsets (yearly rules by month and weekday, as every real VTIMEZONE has them) and the time is then
 *       shown on the marina's clock, as a UTC one. An unknown TZID without a usable VTIMEZONE is read on the
 *       marina's clock, like a floating time: a booking at the right wall-clock time is likelier than none.
 * </ul>
 */
final class IcsTimes {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    private static final Pattern DUR =
            Pattern.compile("([+-])?P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");

    private final ZoneId marina;
    private final Map<String, Component> vtimezones = new HashMap<>();
    private final Map<String, Optional<Zone>> resolved = new HashMap<>();

    /** A resolved TZID: a real zone id, or rules built from a VTIMEZONE that names no known zone. */
    private sealed interface Zone permits Named, Custom {}

    private record Named(ZoneId id) implements Zone {}

    private record Custom(ZoneRules rules) implements Zone {}

    IcsTimes(ZoneId marina, List<Component> vtimezones) {
        this.marina = marina;
        for (Component vtz : vtimezones) {
            vtz.first("TZID").ifPresent(id -> this.vtimezones.putIfAbsent(unquote(id.value()), vtz));
        }
    }

    /** A DATE (VALUE=DATE, or eight digits) or a DATE-TIME; empty when the value cannot be read. */
    sealed interface Value permits Day, Moment {}

    record Day(LocalDate date) implements Value {}

    record Moment(ZonedDateTime at) implements Value {}

    Optional<Value> value(Line line) {
        String text = line.value().trim();
        try {
            if (text.length() == 8
                    || line.param("VALUE").filter("DATE"::equalsIgnoreCase).isPresent()) {
                return Optional.of(new Day(LocalDate.parse(text.substring(0, 8), DATE)));
            }
            boolean utc = text.endsWith("Z") || text.endsWith("z");
            LocalDateTime local = localDateTime(utc ? text.substring(0, text.length() - 1) : text);
            if (utc) {
                return Optional.of(new Moment(local.atOffset(ZoneOffset.UTC).atZoneSameInstant(marina)));
            }
            Optional<Zone> zone = line.param("TZID").flatMap(this::zone);
            return Optional.of(new Moment(zone.map(z -> at(local, z)).orElseGet(() -> local.atZone(marina))));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** {@code 20270612T140000}; also without seconds ({@code 20270612T1400}), which some exports write. */
    private static LocalDateTime localDateTime(String text) {
        return LocalDateTime.parse(text.length() == 13 ? text + "00" : text, DATE_TIME);
    }

    private ZonedDateTime at(LocalDateTime local, Zone zone) {
        return switch (zone) {
            case Named named -> local.atZone(named.id());
            case Custom custom ->
                local.atOffset(custom.rules().getOffset(local)).atZoneSameInstant(marina);
        };
    }

    /** DURATION (RFC 5545 3.3.6): weeks and days are nominal (calendar days), hours to seconds exact. */
    static Optional<ZonedDateTime> plus(ZonedDateTime start, String duration) {
        Matcher m = DUR.matcher(duration.trim().toUpperCase(Locale.ROOT));
        if (!m.matches() || duration.trim().length() <= 1) {
            return Optional.empty();
        }
        int sign = "-".equals(m.group(1)) ? -1 : 1;
        Period days = Period.ofDays(sign * (7 * number(m.group(2)) + number(m.group(3))));
        Duration time = Duration.ofHours(number(m.group(4)))
                .plusMinutes(number(m.group(5)))
                .plusSeconds(number(m.group(6)))
                .multipliedBy(sign);
        return Optional.of(start.plus(days).plus(time));
    }

    /** The number of whole days of a DURATION, for an all-day event ({@code P3D}, {@code P1W}). */
    static Optional<Integer> days(String duration) {
        Matcher m = DUR.matcher(duration.trim().toUpperCase(Locale.ROOT));
        if (!m.matches() || "-".equals(m.group(1))) {
            return Optional.empty();
        }
        long hours = number(m.group(4)) + (number(m.group(5)) + number(m.group(6)) / 60) / 60;
        return Optional.of((int) (7 * number(m.group(2)) + number(m.group(3)) + hours / 24));
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private Optional<Zone> zone(String tzid) {
        return resolved.computeIfAbsent(unquote(tzid), this::resolve);
    }

    private Optional<Zone> resolve(String tzid) {
        Component vtz = vtimezones.get(tzid);
        Optional<ZoneId> named = ZoneNames.resolve(tzid);
        if (named.isEmpty() && vtz != null) {
            named = vtz.first("X-LIC-LOCATION").flatMap(l -> ZoneNames.resolve(l.value()));
        }
        if (named.isPresent()) {
            return named.map(Named::new);
        }
        return vtz == null ? Optional.empty() : VTimeZones.rules(vtz).map(Custom::new);
    }

    static String unquote(String text) {
        String t = text.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    static boolean isZone(String id) {
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
