package io.chartersync.crew;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.AppException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The roster as the console edits it: the same rules ({@link MemberParser}) and audit entries as {@code PUT
 * /api/crew/{id}}, plus deactivation (never deletion: a member's charters, answers and audit entries keep naming
 * them) and each member's upcoming charters with their answers.
 */
public final class Roster {
    private final Jdbi jdbi;
    private final RosterStore roster;
    private final EventStore events;
    private final LinkStore links;
    private final Clock clock;

    Roster(Jdbi jdbi, RosterStore roster, EventStore events, LinkStore links, Clock clock) {
        this.jdbi = jdbi;
        this.roster = roster;
        this.events = events;
        this.links = links;
        this.clock = clock;
    }

    /**
     * A charter a member is on (a live crew event that has not ended): when, which boat, the member's role and
     * their answer to the event's current version (empty: not yet).
     */
    public record Charter(
            Optional<UUID> bookingId,
            String eventName,
            String boat,
            ZonedDateTime startsAt,
            BigDecimal durationHours,
            String role,
            Optional<CrewPort.Reply> answer) {
        public ZonedDateTime endsAt() {
            return startsAt.plusMinutes(
                    durationHours.multiply(BigDecimal.valueOf(60)).longValue());
        }
    }

    /** The whole roster, by id, deactivated members included. */
    public List<CrewMember> all() {
        return roster.findAll();
    }

    public Optional<CrewMember> find(String id) {
        return MemberParser.isId(id) ? roster.find(id) : Optional.empty();
    }

    /**
     * Adds member {@code id} as {@code body} describes it (the fields of {@code PUT /api/crew/{id}}); {@link
     * AppException.InvalidInput} naming each offending field, {@code id} too when it is taken.
     */
    public CrewMember add(String id, JsonNode body, String actor) {
        CrewMember member = MemberParser.parse(id, body);
        return jdbi.inTransaction(h -> {
            Optional<CrewMember> taken = roster.find(h, id);
            if (taken.isPresent()) {
                throw AppException.InvalidInput.of(
                        "id", "'" + id + "' is already the id of " + taken.get().name() + ": choose another");
            }
            return roster.upsert(h, member, actor).member();
        });
    }

    /** Saves the details of an existing member; {@link AppException.NotFound} for an unknown one. */
    public CrewMember update(String id, JsonNode body, String actor) {
        CrewMember member = MemberParser.parse(id, body);
        return jdbi.inTransaction(h -> {
            if (roster.find(h, id).isEmpty()) {
                throw new AppException.NotFound("crew member", id);
            }
            return roster.upsert(h, member, actor).member();
        });
    }

    /**
     * Deactivates ({@code active} false) or reactivates a member, audited; changing nothing when it already is.
     * {@link AppException.NotFound} for an unknown member.
     */
    public void setActive(String id, boolean active, String actor) {
        if (!MemberParser.isId(id) || !roster.setActive(id, active, actor)) {
            throw new AppException.NotFound("crew member", id);
        }
    }

    /** The member's charters that have not ended, soonest first. */
    public List<Charter> upcoming(String memberId) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            List<Charter> charters = new ArrayList<>();
            for (Link link : links.findOfMember(h, memberId)) {
                if (link.revokedAt().isPresent()) {
                    continue;
                }
                events.find(h, link.eventId())
                        .filter(e -> !e.cancelled() && e.endsAt().isAfter(now))
                        .ifPresent(e -> charters.add(new Charter(
                                e.bookingId(),
                                e.eventName(),
                                e.boat(),
                                e.localStart(),
                                e.durationHours(),
                                link.role(),
                                link.currentAnswer(e.version())
                                        .map(a -> a == CrewAnswer.CONFIRM
                                                ? CrewPort.Reply.CONFIRMED
                                                : CrewPort.Reply.DECLINED))));
            }
            charters.sort(Comparator.comparing(c -> c.startsAt().toInstant()));
            return charters;
        });
    }
}
