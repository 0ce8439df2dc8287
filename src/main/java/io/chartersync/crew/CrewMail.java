package io.chartersync.crew;

import io.chartersync.common.AppException;
import io.chartersync.common.Hashes;
import io.chartersync.common.OperatorContact;
import io.chartersync.mail.EmailContent;
import io.chartersync.mail.EmailRenderer;
import io.chartersync.mail.Outbox;
import io.chartersync.mail.OutboxMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Renders the crew service's emails from {@link CrewView} and queues them in the caller's transaction:
 * the emails a change calls for, the captain's summary and briefing, and the operator's alerts.
 */
final class CrewMail {
    private final EventStore events;
    private final LinkStore links;
    private final RosterStore roster;
    private final Outbox outbox;
    private final EmailRenderer renderer;
    private final URI publicBaseUrl;
    private final OperatorContact.Source operator;
    private final Clock clock;

    CrewMail(
            EventStore events,
            LinkStore links,
            RosterStore roster,
            Outbox outbox,
            EmailRenderer renderer,
            URI publicBaseUrl,
            OperatorContact.Source operator,
            Clock clock) {
        this.events = events;
        this.links = links;
        this.roster = roster;
        this.outbox = outbox;
        this.renderer = renderer;
        this.publicBaseUrl = publicBaseUrl;
        this.operator = operator;
        this.clock = clock;
    }

    /** An email to one member that a change calls for, queued once the event's links are final. */
    record Pending(
            StoredEvent event,
            Link link,
            EmailKey dedupeKey,
            Function<CrewView, EmailContent> content,
            boolean carriesLink) {}

    /** The magic link as emailed: the token goes in at delivery, never into the database. */
    String linkUrl() {
        return publicBaseUrl + "/m/" + Outbox.TOKEN_PLACEHOLDER;
    }

    /**
     * Renders and queues the emails; the crew list they show is read once, after every link change. Answers
     * how many were new (an email whose dedupe key was queued before is not queued again).
     */
    int send(Handle h, List<Pending> emails) {
        if (emails.isEmpty()) {
            return 0;
        }
        StoredEvent event = emails.getFirst().event();
        List<CrewView.Teammate> crew = links.findTeammates(h, event.id(), event.version());
        Map<String, CrewMember> members = roster.findByIds(
                h, emails.stream().map(p -> p.link().memberId()).toList());
        List<OutboxMessage> messages = new ArrayList<>();
        for (Pending p : emails) {
            CrewMember member = members.get(p.link().memberId());
            if (member == null) {
                throw new AppException.NotFound("crew member", p.link().memberId());
            }
            EmailRenderer.Rendered mail =
                    renderer.render(p.content().apply(Views.crewView(event, p.link(), member, crew)));
            messages.add(message(
                    p.dedupeKey(),
                    event,
                    member.email(),
                    mail,
                    p.carriesLink() ? Optional.of(p.link().id()) : Optional.empty()));
        }
        return outbox.enqueue(h, messages);
    }

    /**
     * Queues the captain's summary of the event as it stands (version, crew, answers), once per such
     * state; answers its key, or empty when the event has no captain on it or is cancelled.
     */
    Optional<String> summary(Handle h, StoredEvent event) {
        Optional<Captain> captain = captain(h, event);
        if (captain.isEmpty()) {
            return Optional.empty();
        }
        // Locks the event: summaries of one event are decided one at a time.
        Optional<String> lastSent = events.lockSummaryHash(h, event.id());
        List<CrewView.Teammate> crew = links.findTeammates(h, event.id(), event.version());
        // The teammates' toString is hashed: it names each member, role and answer (see CrewView.Teammate).
        String state = Hashes.sha256Hex(event.version() + "|" + crew).substring(0, 16);
        if (lastSent.filter(state::equals).isPresent()) {
            // the captain already has this one
            return Optional.of(EmailKey.summaryAlreadySent(event.id(), state).text());
        }
        Instant now = clock.instant();
        EmailKey key = EmailKey.summary(event.id(), state, now);
        CrewView view =
                Views.crewView(event, captain.get().link(), captain.get().member(), crew);
        outbox.enqueue(
                h,
                List.of(message(
                        key,
                        event,
                        captain.get().member().email(),
                        renderer.render(CrewEmails.captainSummary(view)),
                        Optional.empty())));
        events.recordSummarySent(h, event.id(), now, state);
        return Optional.of(key.text());
    }

    /** Queues the captain's briefing for the charter at its current time; false when there is no captain. */
    boolean briefing(Handle h, StoredEvent event) {
        Optional<Captain> captain = captain(h, event);
        if (captain.isEmpty()) {
            return false;
        }
        List<CrewView.Teammate> crew = links.findTeammates(h, event.id(), event.version());
        CrewView view =
                Views.crewView(event, captain.get().link(), captain.get().member(), crew);
        EmailKey key = EmailKey.briefing(Briefings.Charter.of(event));
        outbox.enqueue(
                h,
                List.of(message(
                        key,
                        event,
                        captain.get().member().email(),
                        renderer.render(CrewEmails.briefing(view, links.findContacts(h, event.id(), event.version()))),
                        Optional.empty())));
        return true;
    }

    /**
     * Tells the operator ({@code OPERATOR_EMAIL}), or without one the captain unless the captain is who
     * it is about ({@code about}), once per {@code key}; answers the key, or empty with nobody to tell.
     */
    Optional<String> alert(Handle h, StoredEvent event, EmailKey key, EmailContent content, Optional<String> about) {
        Optional<String> to = operator.current().email().or(() -> captainEmail(h, event, about));
        return to.map(address -> queueAlert(h, event, key, content, address));
    }

    /**
     * A clash: the operator, else the booking's captain, else the captain of the booking it clashes with
     * ({@code other}'s event), so that a clash on a charter without crew still reaches someone.
     */
    Optional<String> conflictAlert(
            Handle h, StoredEvent event, EmailKey key, EmailContent content, Optional<StoredEvent> other) {
        Optional<String> to = operator.current()
                .email()
                .or(() -> captainEmail(h, event, Optional.empty()))
                .or(() -> other.flatMap(o -> captainEmail(h, o, Optional.empty())));
        return to.map(address -> queueAlert(h, event, key, content, address));
    }

    private Optional<String> captainEmail(Handle h, StoredEvent event, Optional<String> about) {
        return event.captainId()
                .filter(c -> about.filter(c::equals).isEmpty())
                .flatMap(c -> roster.find(h, c))
                .map(CrewMember::email);
    }

    private String queueAlert(Handle h, StoredEvent event, EmailKey key, EmailContent content, String to) {
        outbox.enqueue(h, List.of(message(key, event, to, renderer.render(content), Optional.empty())));
        return key.text();
    }

    private Optional<Captain> captain(Handle h, StoredEvent event) {
        if (event.cancelled() || event.captainId().isEmpty()) {
            return Optional.empty();
        }
        String captainId = event.captainId().get();
        return links.findLive(h, event.id()).stream()
                .filter(l -> l.memberId().equals(captainId))
                .findFirst()
                .flatMap(link -> roster.find(h, captainId).map(m -> new Captain(link, m)));
    }

    private record Captain(Link link, CrewMember member) {}

    private static OutboxMessage message(
            EmailKey key, StoredEvent event, String to, EmailRenderer.Rendered mail, Optional<UUID> linkId) {
        return new OutboxMessage(
                key.text(), event.bookingId(), key.kind().wire(), to, mail.subject(), mail.text(), mail.html(), linkId);
    }
}
