package io.chartersync.mail;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A booking's emails that could not be sent, and sending one again (the console's "Resend the email"): the
 * email goes back in the queue as it was, its attempts reset, and is delivered at once.
 */
public final class FailedEmails {
    private final OutboxStore store;
    private final Outbox outbox;

    FailedEmails(OutboxStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** A failed email: its outbox id, its kind ({@code invite}, {@code summary}…) and to whom. */
    public record Failed(UUID id, String kind, String recipient) {}

    /** The booking's failed emails that need the operator, oldest first. */
    public List<Failed> of(UUID bookingId) {
        return store.failedWithIds(bookingId);
    }

    /**
     * Queues the booking's failed email {@code emailId} again, in the caller's transaction; false, changing
     * nothing, when the booking has no failed email with that id (it may have been resent already).
     */
    public boolean resend(Handle h, UUID bookingId, UUID emailId) {
        return outbox.requeue(h, bookingId, emailId);
    }
}
