package io.chartersync.feed;

import io.chartersync.feed.IcsReader.Component;
import io.chartersync.feed.IcsReader.Line;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneOffsetTransitionRule.TimeDefinition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Zone rules from a VTIMEZONE whose TZID names no known zone: its latest STANDARD and DAYLIGHT
 * observances, each with a yearly RRULE by month and weekday ({@code FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU}),
 * or a fixed offset when it has no such rules. Anything else (RDATE lists, rules by year day) falls back to
 * the latest observance's fixed offset: close enough for a booking's wall-clock time, never an error.
 */
final class VTimeZones {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    private VTimeZones() {}

    private record Observance(LocalDateTime start, ZoneOffset from, ZoneOffset to, Optional<String> rrule) {}

    static Optional<ZoneRules> rules(Component vtimezone) {
        try {
            Optional<Observance> standard = latest(vtimezone, "STANDARD");
            Optional<Observance> daylight = latest(vtimezone, "DAYLIGHT");
            if (standard.isPresent() && daylight.isPresent()) {
                Optional<ZoneRules> yearly = yearly(standard.get(), daylight.get());
                if (yearly.isPresent()) {
                    return yearly;
                }
            }
            return standard.or(() -> daylight).map(o -> ZoneRules.of(o.to()));
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Observance> latest(Component vtimezone, String kind) {
        List<Observance> all = new ArrayList<>();
        for (Component c : vtimezone.children(kind)) {
            Optional<LocalDateTime> start =
                    c.first("DTSTART").map(l -> LocalDateTime.parse(l.value().trim(), LOCAL));
            Optional<ZoneOffset> from = c.first("TZOFFSETFROM").map(VTimeZones::offset);
            Optional<ZoneOffset> to = c.first("TZOFFSETTO").map(VTimeZones::offset);
            if (start.isPresent() && from.isPresent() && to.isPresent()) {
                all.add(new Observance(
                        start.get(), from.get(), to.get(), c.first("RRULE").map(Line::value)));
            }
        }
        return all.stream().max(Comparator.comparing(Observance::start));
    }

    private static Optional<ZoneRules> yearly(Observance standard, Observance daylight) {
        Optional<ZoneOffsetTransitionRule> toStandard = rule(standard, standard.to());
        Optional<ZoneOffsetTransitionRule> toDaylight = rule(daylight, standard.to());
        if (toStandard.isEmpty() || toDaylight.isEmpty()) {
            return Optional.empty();
        }
        List<ZoneOffsetTransitionRule> last = new ArrayList<>(List.of(toStandard.get(), toDaylight.get()));
        last.sort(Comparator.comparing(ZoneOffsetTransitionRule::getMonth));
        // ZoneRules applies its yearly rules only after its last listed transition: list one, long ago.
        return Optional.of(ZoneRules.of(
                standard.to(),
                standard.to(),
                List.of(),
                List.of(toStandard.get().createTransition(1900)),
                last));
    }

    /** {@code FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU} (or {@code BYDAY=2SU}, or {@code BYMONTHDAY=8}). */
    private static Optional<ZoneOffsetTransitionRule> rule(Observance o, ZoneOffset standardOffset) {
        if (o.rrule().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : o.rrule().get().toUpperCase(Locale.ROOT).split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                parts.put(kv[0].trim(), kv[1].trim());
            }
        }
        if (!"YEARLY".equals(parts.get("FREQ")) || !parts.containsKey("BYMONTH")) {
            return Optional.empty();
        }
        Month month = Month.of(Integer.parseInt(parts.get("BYMONTH")));
        String byDay = parts.get("BYDAY");
        int indicator;
        DayOfWeek weekday = null;
        if (byDay != null && byDay.length() >= 2 && DAYS.contains(byDay.substring(byDay.length() - 2))) {
            weekday = DayOfWeek.of(DAYS.indexOf(byDay.substring(byDay.length() - 2)) + 1);
            String n = byDay.substring(0, byDay.length() - 2).replace("+", "");
            int nth = n.isEmpty() ? 1 : Integer.parseInt(n);
            String monthDay = parts.get("BYMONTHDAY");
            indicator = monthDay != null
                    ? Integer.parseInt(monthDay.split(",")[0])
                    : nth > 0 ? 1 + (nth - 1) * 7 : -1 + (nth + 1) * 7;
        } else if (parts.containsKey("BYMONTHDAY")) {
            indicator = Integer.parseInt(parts.get("BYMONTHDAY"));
        } else {
            return Optional.empty();
        }
        return Optional.of(ZoneOffsetTransitionRule.of(
                month,
                indicator,
                weekday,
                o.start().toLocalTime(),
                false,
                TimeDefinition.WALL,
                standardOffset,
                o.from(),
                o.to()));
    }

    private static ZoneOffset offset(Line line) {
        return ZoneOffset.of(line.value().trim());
    }
}
