package io.chartersync.crew;

import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.AppException;
import io.chartersync.common.BookingLog;
import io.chartersync.common.LinkTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** What a magic link opens: the member's view of the charter, their answer, their feed. */
final class MagicLinks {
    private final Jdbi jdbi;
    private final EventStore events;
    private final LinkStore links;
    private final RosterStore roster;
    private final CrewMail mail;
    private final CaptainSummaries summaries;
    private final AuditLog audit;
    private final Clock clock;

    MagicLinks(
            Jdbi jdbi,
            EventStore events,
            LinkStore links,
            RosterStore roster,
            CrewMail mail,
            CaptainSummaries summaries,
            AuditLog audit,
            Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.links = links;
        this.roster = roster;
        this.mail = mail;
        this.summaries = summaries;
        this.audit = audit;
        this.clock = clock;
    }

    /** The member's view; reading it changes nothing (mail scanners open links). */
    CrewView view(String token) {
        return jdbi.withHandle(h -> {
            Link link = usable(h, token);
            StoredEvent event = events.find(h, link.eventId()).orElseThrow();
            return Views.crewView(h, links, event, link, member(h, link));
        });
    }

    void respond(String token, CrewAnswer answer) {
        Optional<Declined> declined = jdbi.inTransaction(h -> {
            var locked =
                    events.lockWithSummaryTime(h, usable(h, token).eventId()).orElseThrow();
            // Read again under the event's lock: a member taken off meanwhile gets the 410, not a silent no-op.
            Link link = usable(h, token);
            StoredEvent event = locked.event();
            if (event.cancelled()) {
                throw new AppException.Gone("This charter was cancelled; there is nothing to answer.");
            }
            if (!links.recordAnswer(h, link.id(), answer, event.version(), clock.instant())) {
                return Optional.<Declined>empty(); // the same answer again: nothing changed
            }
            summaries.request(h, event.id(), locked.summarySentAt());
            if (answer == CrewAnswer.DECLINE) {
                CrewMember member = member(h, link);
                mail.alert(
                        h,
                        event,
                        EmailKey.decline(link.id(), link.changes() + 1),
                        CrewEmails.declined(event, member.name(), link.role()),
                        Optional.of(member.id()));
            }
            audit.append(
                    h,
                    new AuditEntry(
                            "crew:" + link.memberId(),
                            "crew.answered",
                            "crew-link:" + link.id(),
                            Map.of(
                                    "answer",
                                    answer.wire(),
                                    "event",
                                    event.id().toString(),
                                    "version",
                                    event.version())));
            return answer == CrewAnswer.DECLINE ? Optional.of(new Declined(event, link)) : Optional.<Declined>empty();
        });
        declined.ifPresent(Declined::log);
    }

    /** A decline, for the booking event log once it is committed: ids, boat and role, no name or contact. */
    private record Declined(StoredEvent event, Link link) {
        void log() {
            BookingLog.warn("declined", "crew member declined", event.bookingId())
                    .with("event_id", event.id())
                    .with("event_version", event.version())
                    .with("boat", event.boat())
                    .with("member_id", link.memberId())
                    .with("role", link.role())
                    .log();
        }
    }

    /**
     * Every charter of the link's member, for their personal calendar feed: one entry per charter, from
     * the member's live link or, if they were taken off or it was cancelled, the last one (shown cancelled).
     * A revoked link still reads the feed until it expires, so a cancellation reaches the calendar.
     */
    List<CrewFeed.Entry> feed(String token) {
        return jdbi.withHandle(h -> {
            Link link = known(h, token);
            if (!clock.instant().isBefore(link.expiresAt())) {
                throw new AppException.Gone("This link expired on " + link.expiresAt() + ".");
            }
            CrewMember member = member(h, link);
            Map<UUID, Link> byEvent = new LinkedHashMap<>();
            Map<UUID, Integer> revoked = new HashMap<>();
            Map<UUID, Integer> changes = links.findChangesOfMember(h, member.id());
            for (Link l : links.findOfMember(h, member.id())) {
                byEvent.merge(l.eventId(), l, (a, b) -> a.revokedAt().isEmpty() ? a : b);
                if (l.revokedAt().isPresent()) {
                    revoked.merge(l.eventId(), 1, Integer::sum);
                }
            }
            return byEvent.values().stream()
                    .map(l -> {
                        CrewView view = Views.crewView(
                                h, links, events.find(h, l.eventId()).orElseThrow(), l, member);
                        return new CrewFeed.Entry(
                                view,
                                sequence(view, revoked.getOrDefault(l.eventId(), 0))
                                        + changes.getOrDefault(l.eventId(), 0));
                    })
                    .toList();
        });
    }

    /**
     * The feed's SEQUENCE for one member's charter, before the member's own changes (answers, new role or
     * rate) are added; it only ever rises. The event's own changes count (its version), and so does each
     * time the member came off or back on: with r revoked links, being off is step 2r - 1 and on again 2r.
     */
    static int sequence(CrewView view, int revokedLinks) {
        boolean off = view.cancelled() || view.removed();
        return view.eventVersion() - 1 + 2 * revokedLinks - (off ? 1 : 0);
    }

    private Link known(Handle h, String token) {
        return links.findByTokenHash(h, LinkTokens.hashOf(token))
                .orElseThrow(() -> new AppException.NotFound("crew link", "(this address)"));
    }

    private Link usable(Handle h, String token) {
        Link link = known(h, token);
        Instant now = clock.instant();
        if (link.revokedAt().isPresent()) {
            // Set in the same update as revoked_at, so a revoked link always has one.
            String reason = links.findRevokedReason(h, link.id()).orElseThrow();
            throw new AppException.Gone("This link no longer works: " + reason + ".");
        }
        if (!now.isBefore(link.expiresAt())) {
            throw new AppException.Gone("This link expired on " + link.expiresAt() + ".");
        }
        return link;
    }

    private CrewMember member(Handle h, Link link) {
        return roster.find(h, link.memberId())
                .orElseThrow(() -> new AppException.NotFound("crew member", link.memberId()));
    }
}
