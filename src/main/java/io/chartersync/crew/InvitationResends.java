package io.chartersync.crew;

import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.AppException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator's "Resend invitation": the member's invitation to the event as it is now, on the link they
 * already have, queued again under a dedupe key of its own. At most one resend per member and {@link
 * #WINDOW}: a second click within it queues nothing and says so. Audited.
 */
final class InvitationResends {
    /** How often one member's invitation may be resent. */
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final EventStore events;
    private final LinkStore links;
    private final CrewMail mail;
    private final AuditLog audit;
    private final Clock clock;

    InvitationResends(Jdbi jdbi, EventStore events, LinkStore links, CrewMail mail, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.links = links;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    void resend(UUID bookingId, String memberId, String actor) {
        jdbi.useTransaction(h -> {
            StoredEvent event = events.lockForBooking(h, bookingId)
                    .orElseThrow(() -> new AppException.NotFound("crew event of booking", bookingId.toString()));
            if (event.cancelled()) {
                throw new AppException.Conflict("The charter is cancelled: there is no invitation to resend.");
            }
            Link link = links.findLive(h, event.id()).stream()
                    .filter(l -> l.memberId().equals(memberId))
                    .findFirst()
                    .orElseThrow(() -> new AppException.NotFound("crew member", memberId + " on this charter"));
            if (link.currentAnswer(event.version()).isPresent()) {
                throw new AppException.Conflict(
                        "Crew member " + memberId + " has answered already: there is nothing to resend.");
            }
            long window = clock.instant().getEpochSecond() / WINDOW.toSeconds();
            int queued = mail.send(
                    h,
                    List.of(new CrewMail.Pending(
                            event,
                            link,
                            EmailKey.inviteAgain(link.id(), window),
                            v -> CrewEmails.invitation(v, mail.linkUrl()),
                            true)));
            if (queued == 0) {
                throw new AppException.Conflict("The invitation to crew member " + memberId
                        + " was resent a moment ago; it can be resent again after " + WINDOW.toMinutes()
                        + " minutes.");
            }
            audit.append(
                    h,
                    new AuditEntry(
                            actor,
                            "crew-invitation.resent",
                            "crew-link:" + link.id(),
                            Map.of(
                                    "member",
                                    memberId,
                                    "event",
                                    event.id().toString(),
                                    "booking",
                                    bookingId.toString())));
        });
    }
}
