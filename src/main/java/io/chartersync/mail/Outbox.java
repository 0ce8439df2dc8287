package io.chartersync.mail;

import io.chartersync.db.TaskQueue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The durable mail outbox: an email is queued in the transaction of whatever causes it, and the emails
 * of one transaction are delivered by one durable task (each email still sent and recorded on its own).
 */
public final class Outbox {
    public static final String TASK = "deliver-mail";
    /** Where a magic-link token goes in a body; replaced at delivery, never stored. */
    public static final String TOKEN_PLACEHOLDER = "{{magic-link-token}}";

    private final TaskQueue tasks;
    private final Clock clock;

    public Outbox(TaskQueue tasks, Clock clock) {
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
        List<UUID> candidates = new ArrayList<>();
        PreparedBatch batch = handle.prepareBatch("""
              insert into mail_outbox
                (id, dedupe_key, booking_id, kind, recipient, subject, body_text, body_html, link_id)
              values (:id, :key, :booking, :kind, :to, :subject, :text, :html, :link)
              on conflict (dedupe_key) do nothing""");
        for (OutboxMessage message : messages) {
            UUID id = UUID.randomUUID();
            candidates.add(id);
            batch.bind("id", id)
                    .bind("key", message.dedupeKey())
                    .bind("booking", message.bookingId().orElse(null))
                    .bind("kind", message.kind())
                    .bind("to", message.recipient())
                    .bind("subject", message.subject())
                    .bind("text", message.bodyText())
                    .bind("html", message.bodyHtml())
                    .bind("link", message.linkId().orElse(null))
                    .add();
        }
        // One round trip for all of them; a dedupe key queued before inserts nothing (count 0).
        int[] inserted = batch.execute();
        List<UUID> queued = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 1) {
                queued.add(candidates.get(i));
            }
        }
        if (!queued.isEmpty()) {
            String ids = String.join(",", queued.stream().map(UUID::toString).toList());
            tasks.schedule(handle, TASK, queued.getFirst().toString(), ids, clock.instant());
        }
        return queued.size();
    }

    public static MailCounts counts(Handle h, UUID bookingId) {
        MailCounts counts = h.createQuery("""
                    select count(*) filter (where state = 'queued') as queued,
                           count(*) filter (where state = 'sent') as sent,
                           count(*) filter (where state = 'failed') as failed
                    from mail_outbox where booking_id = :booking""")
                .bind("booking", bookingId)
                .map((rs, ctx) ->
                        new MailCounts(rs.getInt("queued"), rs.getInt("sent"), rs.getInt("failed"), List.of()))
                .one();
        if (counts.failed() == 0) {
            return counts;
        }
        List<MailCounts.Failure> errors = h.createQuery("""
                    select recipient, kind, coalesce(last_error, 'unknown') as error from mail_outbox
                    where booking_id = :booking and state = 'failed' order by created_at, id""")
                .bind("booking", bookingId)
                .map((rs, ctx) ->
                        new MailCounts.Failure(rs.getString("recipient"), rs.getString("kind"), rs.getString("error")))
                .list();
        return new MailCounts(counts.queued(), counts.sent(), counts.failed(), errors);
    }

    /** One queued or delivered email, for operators and the demo. */
    public record Summary(UUID id, String kind, String recipient, String subject, String state) {}

    public static List<Summary> messages(Jdbi jdbi, UUID bookingId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id, kind, recipient, subject, state from mail_outbox where booking_id = :b order by created_at, id")
                .bind("b", bookingId)
                .map((rs, ctx) -> new Summary(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("state")))
                .list());
    }
}
