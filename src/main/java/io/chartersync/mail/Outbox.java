package io.chartersync.mail;

import io.chartersync.db.TaskQueue;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The durable mail outbox: an email is queued in the transaction of whatever causes it, and the emails
 * of one transaction are delivered by one durable task (each email still sent and recorded on its own).
 */
public final class Outbox {
    /** Where a magic-link token goes in a body; replaced at delivery, never stored. */
    public static final String TOKEN_PLACEHOLDER = "{{magic-link-token}}";

    private final OutboxStore store;
    private final TaskQueue tasks;
    private final Clock clock;

    Outbox(OutboxStore store, TaskQueue tasks, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * Queues the messages not queued before (by dedupe key), and one durable task that delivers them, in
     * the caller's transaction. Answers how many were new.
     */
    public int enqueue(Handle handle, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        List<UUID> queued = store.insertNew(handle, messages);
        if (!queued.isEmpty()) {
            MailBatch batch = new MailBatch(queued);
            tasks.schedule(handle, MailBatch.TASK, batch.instanceId(), batch.encode(), clock.instant());
        }
        return queued.size();
    }

    /**
     * Puts the booking's failed email {@code emailId} back in the queue (attempts reset) and schedules its
     * delivery now, in the caller's transaction; false, changing nothing, when it has no such failed email.
     */
    boolean requeue(Handle handle, UUID bookingId, UUID emailId) {
        if (!store.requeue(handle, bookingId, emailId)) {
            return false;
        }
        MailBatch batch = new MailBatch(List.of(emailId));
        // An instance of its own: the batch that failed may still be on its way out of the queue.
        tasks.schedule(
                handle,
                MailBatch.TASK,
                batch.instanceId() + "-resend-" + clock.millis(),
                batch.encode(),
                clock.instant());
        return true;
    }
}
