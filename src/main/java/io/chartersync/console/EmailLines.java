package io.chartersync.console;

import io.chartersync.mail.Mailbox;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How the console lists an email: its kind in words, to whom, its delivery state. A guest's address is
 * shown to owners only (a dispatcher reads "the guest"); crew and operator addresses are the business's own.
 * No email the program sends carries revenue (crew and guest emails are built from types without it, and
 * the operator's alerts name bookings by guest, boat and time), so dispatchers may open every preview.
 */
final class EmailLines {
    private EmailLines() {}

    static BookingDetailPage.EmailLine of(Mailbox.Letter l, boolean owner, ZoneId zone, String previewHref) {
        String state = switch (l.state()) {
            case QUEUED -> l.attempts() > 0 ? "retrying" : "queued";
            case SENT -> "sent";
            case FAILED -> "failed";
        };
        return new BookingDetailPage.EmailLine(
                l.id(),
                kind(l.kind()),
                to(l, owner),
                l.subject(),
                state,
                "mail-" + l.state().wire(),
                l.state() == io.chartersync.mail.MailState.SENT ? Optional.empty() : l.error(),
                DetailFormat.moment(l.sentAt().orElse(l.queuedAt()), zone),
                previewHref,
                l.bookingId().map(id -> "/bookings/" + id));
    }

    static boolean forGuest(String kind) {
        return kind.startsWith("guest-");
    }

    private static String to(Mailbox.Letter l, boolean owner) {
        return forGuest(l.kind()) && !owner ? "the guest" : l.recipient();
    }

    static String kind(String kind) {
        return switch (kind) {
            case "invite" -> "Invitation";
            case "change" -> "Change notice";
            case "reassigned" -> "New role";
            case "removed" -> "Removal notice";
            case "cancel" -> "Cancellation notice";
            case "decline" -> "Decline alert";
            case "conflict" -> "Conflict alert";
            case "summary" -> "Captain's summary";
            case "briefing" -> "Captain's briefing";
            case "guest-page" -> "Guest page link";
            case "guest-change" -> "Change notice to the guest";
            case "guest-cancel" -> "Cancellation to the guest";
            default -> kind;
        };
    }
}
