package io.chartersync.crew;

import io.chartersync.audit.AuditEntry;
import io.chartersync.common.LinkTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Brings a crew event and its magic links in line with what it should be, and answers what that calls
 * for: the emails to send and the audit entries to append. A change crew must know (time, duration,
 * place) raises the event's version, so earlier answers no longer count.
 */
final class EventChanges {
    static final Duration LINK_LIFETIME_AFTER_CHARTER = Duration.ofDays(7);
    private final EventStore events;
    private final LinkStore links;
    private final CrewMail mail;
    private final LinkTokens tokens;
    private final Clock clock;

    EventChanges(EventStore events, LinkStore links, CrewMail mail, LinkTokens tokens, Clock clock) {
        this.events = events;
        this.links = links;
        this.mail = mail;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The event as stored after the change, the emails it calls for, and what the audit log records. */
    record Result(StoredEvent event, List<CrewMail.Pending> emails, List<AuditEntry> audit) {}

    Result apply(
            Handle h, Optional<StoredEvent> existing, StoredEvent desired, List<CrewPort.Member> crew, String actor) {
        Instant now = clock.instant();
        Instant expires = linkExpiry(desired, now);
        List<CrewMail.Pending> emails = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>();
        String subject = "crew-event:" + desired.id();
        if (existing.isEmpty()) {
            events.insert(h, desired);
            audit.add(new AuditEntry(actor, "crew-event.created", subject, facts(desired)));
            if (!desired.cancelled()) {
                crew.forEach(m -> emails.add(invite(h, desired, m, expires, actor, audit)));
            }
            return new Result(desired, emails, audit);
        }
        StoredEvent before = existing.get();
        boolean reconfirm = desired.crewMustReconfirm(before);
        StoredEvent after = desired.withVersion(before.version() + (reconfirm ? 1 : 0));
        if (!after.equals(before)) {
            events.update(h, after);
            Map<String, Object> facts = facts(after);
            facts.put("crew_must_confirm_again", reconfirm);
            audit.add(new AuditEntry(
                    actor, after.cancelled() ? "crew-event.cancelled" : "crew-event.updated", subject, facts));
        }
        List<Link> live = links.findLive(h, after.id());
        if (after.cancelled()) {
            for (Link link : live) {
                revoke(h, link, "the charter was cancelled", actor, audit);
                emails.add(
                        new CrewMail.Pending(after, link, EmailKey.cancel(link.id()), CrewEmails::cancellation, false));
            }
            return new Result(after, emails, audit);
        }
        links.extendLive(h, after.id(), expires);
        Map<String, CrewPort.Member> wanted = new LinkedHashMap<>();
        crew.forEach(m -> wanted.put(m.memberId(), m));
        for (Link link : live) {
            CrewPort.Member member = wanted.remove(link.memberId());
            if (member == null) {
                revoke(h, link, "you were taken off this charter", actor, audit);
                emails.add(new CrewMail.Pending(after, link, EmailKey.removed(link.id()), CrewEmails::removal, false));
            } else if (!link.sameAssignment(member)) {
                Link reassigned = link.reassignedTo(member);
                links.reassign(h, reassigned);
                audit.add(new AuditEntry(
                        actor,
                        "crew-link.reassigned",
                        "crew-link:" + link.id(),
                        Map.of(
                                "member",
                                link.memberId(),
                                "role",
                                member.role(),
                                "event",
                                after.id().toString())));
                // Each reassignment is its own email: the link's change counter names it.
                emails.add(new CrewMail.Pending(
                        after,
                        reassigned,
                        EmailKey.reassigned(link.id(), reassigned.changes()),
                        v -> CrewEmails.reassigned(v, mail.linkUrl(), link),
                        true));
            } else if (reconfirm) {
                emails.add(new CrewMail.Pending(
                        after,
                        link,
                        EmailKey.change(link.id(), after.version()),
                        v -> CrewEmails.change(v, mail.linkUrl(), CrewEmails.changes(before, after)),
                        true));
            }
        }
        wanted.values().forEach(m -> emails.add(invite(h, after, m, expires, actor, audit)));
        return new Result(after, emails, audit);
    }

    /**
     * Links work until 7 days after the charter ends. A charter entered after it happened (a past date)
     * gets 7 days from now instead, so its crew can still open and answer it.
     */
    static Instant linkExpiry(StoredEvent event, Instant now) {
        Instant end = event.endsAt().isAfter(now) ? event.endsAt() : now;
        return end.plus(LINK_LIFETIME_AFTER_CHARTER);
    }

    private CrewMail.Pending invite(
            Handle h,
            StoredEvent event,
            CrewPort.Member member,
            Instant expires,
            String actor,
            List<AuditEntry> audit) {
        Link link = new Link(
                UUID.randomUUID(),
                event.id(),
                member.memberId(),
                member.role(),
                member.hourlyRate(),
                expires,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0);
        links.insert(h, link, LinkTokens.hashOf(tokens.tokenFor(link.id())));
        audit.add(new AuditEntry(
                actor,
                "crew-link.created",
                "crew-link:" + link.id(),
                Map.of(
                        "member",
                        member.memberId(),
                        "role",
                        member.role(),
                        "event",
                        event.id().toString(),
                        "expires_at",
                        expires.toString())));
        return new CrewMail.Pending(
                event, link, EmailKey.invite(link.id()), v -> CrewEmails.invitation(v, mail.linkUrl()), true);
    }

    private void revoke(Handle h, Link link, String reason, String actor, List<AuditEntry> audit) {
        links.revoke(h, link.id(), reason, clock.instant());
        audit.add(new AuditEntry(
                actor,
                "crew-link.revoked",
                "crew-link:" + link.id(),
                Map.of(
                        "member",
                        link.memberId(),
                        "reason",
                        reason,
                        "event",
                        link.eventId().toString())));
    }

    /** What the audit log keeps of an event: when, where, how long, which version. No revenue exists here. */
    private static Map<String, Object> facts(StoredEvent e) {
        Map<String, Object> facts = new LinkedHashMap<>();
        e.bookingId().ifPresent(b -> facts.put("booking", b.toString()));
        facts.put("starts_at", e.startsAt().toString());
        facts.put("time_zone", e.zone().getId());
        facts.put("duration_hours", e.durationHours().toPlainString());
        facts.put("location", e.location());
        facts.put("version", e.version());
        return facts;
    }
}
