package io.chartersync.guestpage;

import io.chartersync.common.OperatorContact;
import io.chartersync.mail.EmailContent;
import io.chartersync.mail.EmailRenderer;
import io.chartersync.mail.Outbox;
import io.chartersync.mail.OutboxMessage;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Tells the guest, in the transaction that publishes their page: the page's link once the booking is synced,
 * each change of time, length, boat or meeting point (old → new), and the cancellation. Each email is queued
 * once (by its dedupe key), and only when the booking gave an address and did not say {@code "notify_guest":
 * false}.
 */
final class GuestNotices {
    private final Outbox outbox;
    private final EmailRenderer renderer;
    private final OperatorContact.Source operator;

    GuestNotices(Outbox outbox, EmailRenderer renderer, OperatorContact.Source operator) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.operator = operator;
    }

    /**
     * Queues what publishing {@code now} over {@code before} (what the page showed, if it was published)
     * calls for. A first email with the link already shows the new details, so no change email goes with it.
     */
    void queue(Handle h, Optional<GuestPagePort.PageRequest> before, GuestPagePort.PageRequest now, String pageUrl) {
        if (now.notifyAddress().isEmpty()) {
            return;
        }
        OperatorContact contact = operator.current();
        boolean wasLive = before.filter(b -> !b.cancelled()).isPresent();
        if (now.cancelled()) {
            if (wasLive) {
                send(h, now, GuestEmailKey.cancel(now.bookingId()), GuestEmails.cancellation(now, pageUrl, contact));
            }
            return;
        }
        boolean first = send(h, now, GuestEmailKey.page(now.bookingId()), GuestEmails.page(now, pageUrl, contact));
        if (!first && wasLive && !GuestEmails.changes(before.get(), now).isEmpty()) {
            send(
                    h,
                    now,
                    GuestEmailKey.change(now.bookingId(), now.bookingVersion()),
                    GuestEmails.change(before.get(), now, pageUrl, contact));
        }
    }

    /** Queues one email; answers whether it is new (not queued under its key before). */
    private boolean send(Handle h, GuestPagePort.PageRequest r, GuestEmailKey key, EmailContent content) {
        EmailRenderer.Rendered mail = renderer.render(content);
        OutboxMessage message = new OutboxMessage(
                key.text(),
                Optional.of(r.bookingId()),
                key.kind().wire(),
                r.notifyAddress().orElseThrow(),
                mail.subject(),
                mail.text(),
                mail.html(),
                Optional.empty());
        return outbox.enqueue(h, List.of(message)) == 1;
    }
}
