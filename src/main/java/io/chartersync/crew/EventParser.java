package io.chartersync.crew;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.CharterTimes;
import io.chartersync.common.CrewAssignments;
import io.chartersync.common.JsonFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the seed's {@code POST /events} body (and {@code PUT /events/{id}}) into an event and its crew, naming
 * every offending field. Start, duration and crew ids follow the rules every charter body shares ({@link
 * CharterTimes}, {@link CrewAssignments}); the roster check is this route's own.
 */
final class EventParser {
    /** At most 100 crew, as a role counts at most 100 ({@link CrewAssignments#MAX_COUNT}). */
    private static final int MAX_CREW = CrewAssignments.MAX_COUNT;

    private final ZoneId marinaZone;
    private final UnknownIds roster;

    /** The ids among those given that are not in the roster. */
    @FunctionalInterface
    interface UnknownIds {
        Set<String> unknown(Collection<String> ids);
    }

    EventParser(ZoneId marinaZone, RosterStore roster) {
        this(marinaZone, roster::findUnknownIds);
    }

    EventParser(ZoneId marinaZone, UnknownIds roster) {
        this.marinaZone = marinaZone;
        this.roster = roster;
    }

    record Parsed(StoredEvent event, List<CrewPort.Member> crew) {}

    Parsed parse(JsonNode body) {
        JsonFields f = new JsonFields(body);
        String name = f.text("event_name", true).orElse("");
        ZoneId zone = f.zone("time_zone", false).orElse(marinaZone);
        // The seed sends an instant ("2024-05-30T09:00:00Z"); a wall time is read on the marina's clock.
        Optional<Instant> start = CharterTimes.start(f, "date", zone).map(ZonedDateTime::toInstant);
        BigDecimal hours = CharterTimes.durationHours(f, "duration_hours");
        Optional<String> captain = f.text("captain", false);
        Set<String> ids = new LinkedHashSet<>();
        captain.ifPresent(ids::add);
        List<CrewPort.Member> crew = new ArrayList<>();
        captain.ifPresent(c -> crew.add(new CrewPort.Member(c, "captain", Optional.empty())));
        JsonNode list = f.node("crew");
        if (list != null && list.isArray() && list.size() > MAX_CREW) {
            f.error("crew", "lists at most " + MAX_CREW + " crew members");
        } else {
            CrewAssignments.memberIds(f, "crew", ids)
                    .forEach(id -> crew.add(new CrewPort.Member(id, "crew", Optional.empty())));
        }
        for (String unknown : ids.isEmpty() ? Set.<String>of() : roster.unknown(ids)) {
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
                hours,
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
}
