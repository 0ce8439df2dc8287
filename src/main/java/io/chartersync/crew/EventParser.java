package io.chartersync.crew;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.JsonFields;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads the seed's {@code POST /events} body into an event and its crew, naming every offending field. */
final class EventParser {
    /** As for bookings: two weeks at most, and at most 100 crew. */
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(14 * 24);

    private static final int MAX_CREW = 100;

    private final ZoneId marinaZone;
    private final RosterStore roster;

    EventParser(ZoneId marinaZone, RosterStore roster) {
        this.marinaZone = marinaZone;
        this.roster = roster;
    }

    record Parsed(StoredEvent event, List<CrewPort.Member> crew) {}

    Parsed parse(JsonNode body) {
        JsonFields f = new JsonFields(body);
        String name = f.text("event_name", true).orElse("");
        ZoneId zone = f.zone("time_zone", false).orElse(marinaZone);
        Optional<Instant> start = f.text("date", true).flatMap(d -> start(f, d, zone));
        BigDecimal hours = f.decimal("duration_hours", true).orElse(BigDecimal.ONE);
        if (hours.signum() <= 0) {
            f.error("duration_hours", "must be greater than 0");
        } else if (hours.compareTo(MAX_HOURS) > 0) {
            f.error("duration_hours", "must be at most " + MAX_HOURS + " hours");
        }
        Optional<String> captain = f.text("captain", false);
        Set<String> ids = new LinkedHashSet<>();
        captain.ifPresent(ids::add);
        List<CrewPort.Member> crew = new ArrayList<>();
        captain.ifPresent(c -> crew.add(new CrewPort.Member(c, "captain", Optional.empty())));
        JsonNode list = f.node("crew");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                f.error("crew", "must be an array of crew member ids");
            } else if (list.size() > MAX_CREW) {
                f.error("crew", "lists at most " + MAX_CREW + " crew members");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    String id = list.get(i).asText("");
                    if (!list.get(i).isTextual() || id.isBlank()) {
                        f.error("crew[" + i + "]", "must be a crew member id");
                    } else if (!ids.add(id)) {
                        f.error("crew[" + i + "]", "crew member '" + id + "' is listed twice");
                    } else {
                        crew.add(new CrewPort.Member(id, "crew", Optional.empty()));
                    }
                }
            }
        }
        for (String unknown : ids.isEmpty() ? Set.<String>of() : roster.findUnknownIds(ids)) {
            f.error(
                    captain.filter(unknown::equals).isPresent() ? "captain" : "crew",
                    "crew member '" + unknown + "' is not in the roster");
        }
        String location = f.text("location", false).orElse("");
        String notes = f.multilineText("notes", false).orElse("");
        String url = f.text("guest_page_url", false).orElse("");
        if (!url.isEmpty() && !url.matches("^https?://\\S+$")) {
            f.error("guest_page_url", "must be an http(s) URL");
        }
        String boat = f.text("boat", false).orElse("");
        f.throwIfAny();
        StoredEvent event = new StoredEvent(
                UUID.randomUUID(),
                Optional.empty(),
                name,
                boat,
                start.orElseThrow(),
                zone,
                hours.stripTrailingZeros(),
                location,
                notes,
                url,
                "",
                Optional.empty(),
                captain,
                false,
                1);
        return new Parsed(event, crew);
    }

    /** The seed sends an instant ("2024-05-30T09:00:00Z"); a local date-time is read on the marina's clock. */
    private static Optional<Instant> start(JsonFields f, String value, ZoneId zone) {
        return instant(f, value, zone)
                .filter(i -> f.inYears("date", i.atZone(zone).toLocalDate()));
    }

    private static Optional<Instant> instant(JsonFields f, String value, ZoneId zone) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException notOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(value);
                if (zone.getRules().getValidOffsets(local).isEmpty()) {
                    f.error("date", value + " does not exist in " + zone + " (the clocks skip that hour)");
                    return Optional.empty();
                }
                return Optional.of(local.atZone(zone).toInstant());
            } catch (DateTimeException e) {
                f.error("date", "'" + value + "' is not a date and time (e.g. 2024-05-30T09:00:00Z)");
                return Optional.empty();
            }
        }
    }
}
