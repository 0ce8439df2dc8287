package io.chartersync.crew;

import io.chartersync.common.AppException;
import io.chartersync.common.Hashes;
import io.chartersync.common.LinkTokens;
import io.chartersync.mail.EmailContent;
import io.chartersync.mail.EmailRenderer;
import io.chartersync.mail.Outbox;
import io.chartersync.mail.OutboxMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The crew service: keeps each event in line with what it should be, mints one magic link per assigned
 * member and queues the emails each change calls for, all in one transaction.
 */
public final class CrewService implements CrewPort {
    static final Duration LINK_LIFETIME_AFTER_CHARTER = Duration.ofDays(7);
    private final Jdbi jdbi;
    private final EventStore events;
    private final RosterStore roster;
    private final Outbox outbox;
    private final EmailRenderer renderer;
    private final LinkTokens tokens;
    private final URI publicBaseUrl;
    private final Clock clock;

    public CrewService(
            Jdbi jdbi,
            RosterStore roster,
            Outbox outbox,
            EmailRenderer renderer,
            LinkTokens tokens,
            URI publicBaseUrl,
            Clock clock) {
        this.jdbi = jdbi;
        this.events = new EventStore();
        this.roster = roster;
        this.outbox = outbox;
        this.renderer = renderer;
        this.tokens = tokens;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
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
            send(h, apply(h, existing, desired, r.crew()));
            return desired.id().toString();
        });
    }

    /** Creates an event from the seed API (no booking behind it). */
    UUID createEvent(StoredEvent event, List<Member> crew) {
        return jdbi.inTransaction(h -> {
            send(h, apply(h, Optional.empty(), event, crew));
            return event.id();
        });
    }

    /** An email that a change calls for, queued once the event's links are final. */
    private record Pending(
            StoredEvent event,
            Link link,
            String dedupeKey,
            Function<CrewView, EmailContent> content,
            boolean carriesLink) {}

    /** Brings the event and its links in line with {@code desired}; answers the emails that calls for. */
    private List<Pending> apply(Handle h, Optional<StoredEvent> existing, StoredEvent desired, List<Member> crew) {
        Instant now = clock.instant();
        Instant expires = linkExpiry(desired, now);
        List<Pending> emails = new ArrayList<>();
        if (existing.isEmpty()) {
            events.insert(h, desired);
            if (!desired.cancelled()) {
                crew.forEach(m -> emails.add(invite(h, desired, m, expires)));
            }
            return emails;
        }
        StoredEvent before = existing.get();
        int version = before.version() + (desired.crewMustReconfirm(before) ? 1 : 0);
        StoredEvent after = withVersion(desired, version);
        events.update(h, after);
        List<Link> live = events.liveLinks(h, after.id());
        if (after.cancelled()) {
            for (Link link : live) {
                events.revoke(h, link.id(), "the charter was cancelled", now);
                emails.add(new Pending(after, link, "cancel:" + link.id(), CrewEmails::cancellation, false));
            }
            return emails;
        }
        events.extend(h, after.id(), expires);
        Map<String, Member> wanted = new LinkedHashMap<>();
        crew.forEach(m -> wanted.put(m.memberId(), m));
        for (Link link : live) {
            Member member = wanted.remove(link.memberId());
            if (member == null) {
                events.revoke(h, link.id(), "you were taken off this charter", now);
                emails.add(new Pending(after, link, "removed:" + link.id(), CrewEmails::removal, false));
            } else if (!link.sameAssignment(member)) {
                Link reassigned = link.reassignedTo(member);
                events.reassign(h, reassigned);
                // Each reassignment is its own email (the link's role and rate make the change happen once).
                String key = "reassigned:" + link.id() + ":" + UUID.randomUUID();
                emails.add(new Pending(after, reassigned, key, v -> CrewEmails.reassigned(v, linkUrl()), true));
            } else if (version > before.version()) {
                emails.add(new Pending(
                        after,
                        link,
                        "change:" + link.id() + ":" + version,
                        v -> CrewEmails.change(v, linkUrl()),
                        true));
            }
        }
        wanted.values().forEach(m -> emails.add(invite(h, after, m, expires)));
        return emails;
    }

    /**
     * Links work until 7 days after the charter ends. A charter entered after it happened (a past date)
     * gets 7 days from now instead, so its crew can still open and answer it.
     */
    static Instant linkExpiry(StoredEvent event, Instant now) {
        Instant end = event.endsAt().isAfter(now) ? event.endsAt() : now;
        return end.plus(LINK_LIFETIME_AFTER_CHARTER);
    }

    private Pending invite(Handle h, StoredEvent event, Member member, Instant expires) {
        Link link = new Link(
                UUID.randomUUID(),
                event.id(),
                member.memberId(),
                member.role(),
                member.hourlyRate(),
                expires,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        events.insertLink(h, link, LinkTokens.hashOf(tokens.tokenFor(link.id())));
        return new Pending(event, link, "invite:" + link.id(), v -> CrewEmails.invitation(v, linkUrl()), true);
    }

    /** Renders and queues the emails; the crew list they show is read once, after every link change. */
    private void send(Handle h, List<Pending> emails) {
        if (emails.isEmpty()) {
            return;
        }
        StoredEvent event = emails.getFirst().event();
        List<CrewView.Teammate> crew = events.teammates(h, event.id(), event.version());
        Map<String, CrewMember> members =
                roster.findAll(h, emails.stream().map(p -> p.link().memberId()).toList());
        List<OutboxMessage> messages = new ArrayList<>();
        for (Pending p : emails) {
            CrewMember member = members.get(p.link().memberId());
            if (member == null) {
                throw new AppException.NotFound("crew member", p.link().memberId());
            }
            EmailRenderer.Rendered mail =
                    renderer.render(p.content().apply(Views.crewView(event, p.link(), member, crew)));
            messages.add(new OutboxMessage(
                    p.dedupeKey(),
                    event.bookingId(),
                    p.dedupeKey().substring(0, p.dedupeKey().indexOf(':')),
                    member.email(),
                    mail.subject(),
                    mail.text(),
                    mail.html(),
                    p.carriesLink() ? Optional.of(p.link().id()) : Optional.empty()));
        }
        outbox.enqueue(h, messages);
    }

    @Override
    public Optional<String> queueCaptainSummary(UUID bookingId) {
        return jdbi.inTransaction(h -> {
            Optional<StoredEvent> event = events.findForBooking(h, bookingId);
            if (event.isEmpty()
                    || event.get().cancelled()
                    || event.get().captainId().isEmpty()) {
                return Optional.empty();
            }
            String captainId = event.get().captainId().get();
            List<Link> live = events.liveLinks(h, event.get().id());
            Optional<Link> captainLink =
                    live.stream().filter(l -> l.memberId().equals(captainId)).findFirst();
            if (captainLink.isEmpty()) {
                return Optional.empty();
            }
            String crew = live.stream()
                    .map(l -> l.memberId() + "/" + l.role())
                    .sorted()
                    .reduce("", (a, b) -> a + "," + b);
            String key = "summary:" + event.get().id() + ":v" + event.get().version() + ":"
                    + Hashes.sha256Hex(crew).substring(0, 12);
            send(h, List.of(new Pending(event.get(), captainLink.get(), key, CrewEmails::captainSummary, false)));
            return Optional.of(key);
        });
    }

    @Override
    public Optional<String> alertConflict(UUID bookingId, String otherEntry, Optional<String> operatorEmail) {
        return jdbi.inTransaction(h -> {
            Optional<StoredEvent> event = events.findForBooking(h, bookingId);
            if (event.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> to = operatorEmail.or(() ->
                    event.get().captainId().flatMap(c -> roster.find(h, c)).map(CrewMember::email));
            if (to.isEmpty()) {
                return Optional.empty();
            }
            String key = "conflict:" + bookingId + ":" + otherEntry;
            EmailRenderer.Rendered mail = renderer.render(CrewEmails.conflict(event.get(), otherEntry));
            outbox.enqueue(
                    h,
                    List.of(new OutboxMessage(
                            key,
                            Optional.of(bookingId),
                            "alert",
                            to.get(),
                            mail.subject(),
                            mail.text(),
                            mail.html(),
                            Optional.empty())));
            return Optional.of(key);
        });
    }

    @Override
    public Optional<Answers> answers(UUID bookingId) {
        return jdbi.withHandle(h -> events.findForBooking(h, bookingId).map(e -> {
            List<Link> live = events.liveLinks(h, e.id());
            int confirmed = (int) live.stream()
                    .filter(l -> l.currentAnswer(e.version())
                            .filter("confirm"::equals)
                            .isPresent())
                    .count();
            int declined = (int) live.stream()
                    .filter(l -> l.currentAnswer(e.version())
                            .filter("decline"::equals)
                            .isPresent())
                    .count();
            return new Answers(e.id().toString(), live.size(), confirmed, declined);
        }));
    }

    CrewLinks links() {
        return new CrewLinks(jdbi, roster, clock);
    }

    EventView event(UUID id) {
        return jdbi.withHandle(h -> Views.eventView(
                h,
                events,
                events.find(h, id).orElseThrow(() -> new AppException.NotFound("crew event", id.toString()))));
    }

    List<EventView> eventsBetween(Instant from, Instant to) {
        return jdbi.withHandle(h -> events.between(h, from, to).stream()
                .map(e -> Views.eventView(h, events, e))
                .toList());
    }

    Optional<CrewMember> member(String id) {
        return jdbi.withHandle(h -> roster.find(h, id));
    }

    private String linkUrl() {
        return publicBaseUrl + "/m/" + Outbox.TOKEN_PLACEHOLDER;
    }

    private static StoredEvent withVersion(StoredEvent e, int version) {
        return new StoredEvent(
                e.id(),
                e.bookingId(),
                e.eventName(),
                e.boat(),
                e.startsAt(),
                e.zone(),
                e.durationHours(),
                e.location(),
                e.notes(),
                e.guestPageUrl(),
                e.guestName(),
                e.partySize(),
                e.captainId(),
                e.cancelled(),
                version);
    }
}
