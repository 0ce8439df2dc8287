package io.chartersync.crew;

import io.chartersync.audit.AuditLog;
import io.chartersync.common.AppException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crew service: keeps each event in line with what it should be, mints one magic link per assigned
 * member, queues the emails each change calls for, plans the captain's briefing and appends the audit
 * entries, all in one transaction.
 */
final class CrewService implements CrewPort {
    private static final Logger log = LoggerFactory.getLogger(CrewService.class);
    private final Jdbi jdbi;
    private final EventStore events;
    private final LinkStore links;
    private final CrewMail mail;
    private final EventChanges changes;
    private final Briefings briefings;
    private final AuditLog audit;

    CrewService(
            Jdbi jdbi,
            EventStore events,
            LinkStore links,
            CrewMail mail,
            EventChanges changes,
            Briefings briefings,
            AuditLog audit) {
        this.jdbi = jdbi;
        this.events = events;
        this.links = links;
        this.mail = mail;
        this.changes = changes;
        this.briefings = briefings;
        this.audit = audit;
    }

    @Override
    public String upsertForBooking(EventRequest r) {
        return jdbi.inTransaction(h -> {
            Optional<StoredEvent> existing = events.lockForBooking(h, r.bookingId());
            StoredEvent desired = new StoredEvent(
                    existing.map(StoredEvent::id).orElseGet(UUID::randomUUID),
                    Optional.of(r.bookingId()),
                    r.eventName(),
                    r.boat(),
                    r.start().atZone(r.timeZone()).toInstant(),
                    r.timeZone(),
                    r.durationHours(),
                    r.location(),
                    r.crewNote(),
                    r.guestPageUrl(),
                    r.guestName(),
                    r.partySize(),
                    r.crew().stream()
                            .filter(m -> m.role().equalsIgnoreCase("captain"))
                            .map(Member::memberId)
                            .findFirst(),
                    r.cancelled(),
                    existing.map(StoredEvent::version).orElse(1));
            commit(h, changes.apply(h, existing, desired, r.crew(), "sync"));
            return desired.id().toString();
        });
    }

    /** Creates an event from the seed API (no booking behind it). */
    UUID createEvent(StoredEvent event, List<Member> crew) {
        return jdbi.inTransaction(h -> {
            commit(h, changes.apply(h, Optional.empty(), event, crew, "service"));
            return event.id();
        });
    }

    /**
     * Replaces an event's seed fields and crew from the seed API. Its guest details (not in the seed body)
     * stay unless given. A cancelled event cannot be changed: 409.
     */
    EventView updateEvent(UUID id, StoredEvent desired, List<Member> crew) {
        return jdbi.inTransaction(h -> {
            StoredEvent before = events.lock(h, id).orElseThrow(() -> notFound(id));
            if (before.cancelled()) {
                throw new AppException.Conflict("Crew event " + id + " is cancelled; create a new event instead.");
            }
            StoredEvent merged = desired.replacing(before);
            commit(h, changes.apply(h, Optional.of(before), merged, crew, "service"));
            return Views.eventView(h, links, events.find(h, id).orElseThrow());
        });
    }

    /** Cancels an event from the seed API: links revoked, every assigned member told. Idempotent. */
    EventView cancelEvent(UUID id) {
        return jdbi.inTransaction(h -> {
            StoredEvent before = events.lock(h, id).orElseThrow(() -> notFound(id));
            if (!before.cancelled()) {
                commit(h, changes.apply(h, Optional.of(before), before.cancel(), List.of(), "service"));
            }
            return Views.eventView(h, links, events.find(h, id).orElseThrow());
        });
    }

    /** Emails, then the briefing plan, then the audit entries (last: appending holds a lock until commit). */
    private void commit(Handle h, EventChanges.Result result) {
        mail.send(h, result.emails());
        briefings.plan(h, result.event());
        audit.append(h, result.audit());
    }

    @Override
    public Optional<String> queueCaptainSummary(UUID bookingId) {
        return jdbi.inTransaction(h -> events.findForBooking(h, bookingId).flatMap(e -> mail.summary(h, e)));
    }

    @Override
    public Optional<String> alertConflict(UUID bookingId, OtherBooking other) {
        Optional<String> sent = jdbi.inTransaction(h -> events.findForBooking(h, bookingId)
                .flatMap(e -> mail.conflictAlert(
                        h,
                        e,
                        EmailKey.conflict(bookingId, other.entryId()),
                        CrewEmails.conflict(e, other),
                        other.bookingId().flatMap(b -> events.findForBooking(h, b)))));
        if (sent.isEmpty()) {
            log.warn(
                    "Booking {} clashes with calendar entry {} and nobody could be emailed: set OPERATOR_EMAIL",
                    bookingId,
                    other.entryId());
        }
        return sent;
    }

    @Override
    public Optional<Answers> answers(UUID bookingId) {
        return jdbi.withHandle(h -> events.findForBooking(h, bookingId).map(e -> {
            List<Link> live = links.findLive(h, e.id());
            return new Answers(
                    e.id().toString(),
                    live.size(),
                    count(live, e.version(), CrewAnswer.CONFIRM),
                    count(live, e.version(), CrewAnswer.DECLINE));
        }));
    }

    @Override
    public Optional<Crew> crewOf(UUID bookingId) {
        return jdbi.withHandle(h -> events.findForBooking(h, bookingId)
                .map(e -> new Crew(e.id().toString(), e.cancelled(), links.findCrewStates(h, e.id(), e.version()))));
    }

    private static int count(List<Link> live, int eventVersion, CrewAnswer answer) {
        return (int) live.stream()
                .filter(l ->
                        l.currentAnswer(eventVersion).filter(answer::equals).isPresent())
                .count();
    }

    EventView event(UUID id) {
        return jdbi.withHandle(h -> Views.eventView(h, links, events.find(h, id).orElseThrow(() -> notFound(id))));
    }

    List<EventView> eventsBetween(Instant from, Instant to) {
        return jdbi.withHandle(h -> events.findBetween(h, from, to).stream()
                .map(e -> Views.eventView(h, links, e))
                .toList());
    }

    private static AppException notFound(UUID id) {
        return new AppException.NotFound("crew event", id.toString());
    }
}
