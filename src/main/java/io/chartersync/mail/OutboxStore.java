package io.chartersync.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The {@code mail_outbox} table in plain SQL, its one owner: queuing, delivery bookkeeping, the read view. */
final class OutboxStore implements OutboxView, Mailbox {
    private final Jdbi jdbi;

    OutboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An email waiting to go out, as stored (the body holds the token placeholder). */
    record Queued(
            String recipient,
            String subject,
            String text,
            String html,
            Optional<UUID> linkId,
            Optional<UUID> bookingId,
            String kind) {}

    /** An email marked failed: its id, its booking (if it has one) and its kind, for the event log. */
    record Failed(UUID id, Optional<UUID> bookingId, String kind) {}

    /**
     * Inserts the messages whose dedupe key is new, in the caller's transaction and one round trip; answers
     * the ids of those inserted, in the order given.
     */
    List<UUID> insertNew(Handle handle, List<OutboxMessage> messages) {
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
        // A dedupe key queued before inserts nothing (count 0).
        int[] inserted = batch.execute();
        List<UUID> queued = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 1) {
                queued.add(candidates.get(i));
            }
        }
        return queued;
    }

    /** The email, if it is still queued (a retry finds the ones already sent or failed gone). */
    Optional<Queued> findQueued(UUID id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select recipient, subject, body_text, body_html, link_id, booking_id, kind from mail_outbox where id = :id and state = :queued")
                .bind("id", id)
                .bind("queued", MailState.QUEUED)
                .map((rs, ctx) -> new Queued(
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body_text"),
                        rs.getString("body_html"),
                        Optional.ofNullable(rs.getObject("link_id", UUID.class)),
                        Optional.ofNullable(rs.getObject("booking_id", UUID.class)),
                        rs.getString("kind")))
                .findOne());
    }

    /** Sent at {@code at}, this attempt counted. */
    void markSent(UUID id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update mail_outbox set state = :sent, sent_at = :now, attempts = attempts + 1 where id = :id")
                .bind("id", id)
                .bind("sent", MailState.SENT)
                .bind("now", at)
                .execute());
    }

    /** Failed for good at this attempt (counted, at {@code at}), with the reason. */
    void markFailed(UUID id, String reason, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update mail_outbox set state = :failed, attempts = attempts + 1, last_error = :error, failed_at = :at where id = :id")
                .bind("id", id)
                .bind("at", at)
                .bind("failed", MailState.FAILED)
                .bind("error", reason)
                .execute());
    }

    /** An attempt that failed for now: counted, its reason kept, the email still queued. */
    void recordFailedAttempt(UUID id, String reason) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update mail_outbox set attempts = attempts + 1, last_error = :error where id = :id")
                .bind("id", id)
                .bind("error", reason)
                .execute());
    }

    /**
     * Marks those of {@code ids} still queued failed at {@code at}, with the reason (no attempt counted);
     * answers those it marked.
     */
    List<Failed> failStillQueued(List<UUID> ids, String reason, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "update mail_outbox set state = :failed, last_error = :error, failed_at = :at where id = any(:ids) and state = :queued")
                .bind("at", at)
                .bind("ids", ids.toArray(UUID[]::new))
                .bind("failed", MailState.FAILED)
                .bind("queued", MailState.QUEUED)
                .bind("error", reason)
                .executeAndReturnGeneratedKeys("id", "booking_id", "kind")
                .map((rs, ctx) -> new Failed(
                        rs.getObject("id", UUID.class),
                        Optional.ofNullable(rs.getObject("booking_id", UUID.class)),
                        rs.getString("kind")))
                .list());
    }

    /**
     * The booking's failed emails that need the operator, with their ids: the same ones as {@link #failures}
     * (none that a later email of the same kind to the same recipient has made up for).
     */
    List<FailedEmails.Failed> failedWithIds(UUID bookingId) {
        return jdbi.withHandle(h -> h.createQuery("""
                    select f.id, f.recipient, f.kind from mail_outbox f
                    where f.booking_id = :booking and f.state = :failed
                      and not exists (select 1 from mail_outbox s
                                      where s.booking_id = f.booking_id and s.state = :sent and s.kind = f.kind
                                        and s.recipient = f.recipient and s.created_at > f.created_at)
                    order by f.created_at, f.id""")
                .bind("booking", bookingId)
                .bind("failed", MailState.FAILED)
                .bind("sent", MailState.SENT)
                .map((rs, ctx) -> new FailedEmails.Failed(
                        rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("recipient")))
                .list());
    }

    /**
     * Puts a failed email of the booking back in the queue, its attempts and error cleared, in the caller's
     * transaction; false when the booking has no failed email with that id (nothing changes then).
     */
    boolean requeue(Handle h, UUID bookingId, UUID id) {
        return h.createUpdate("""
                    update mail_outbox set state = :queued, attempts = 0, last_error = null, failed_at = null
                    where id = :id and booking_id = :booking and state = :failed""")
                        .bind("id", id)
                        .bind("booking", bookingId)
                        .bind("queued", MailState.QUEUED)
                        .bind("failed", MailState.FAILED)
                        .execute()
                == 1;
    }

    @Override
    public MailCounts counts(Handle h, UUID bookingId) {
        MailCounts counts = h.createQuery("""
                    select count(*) filter (where state = :queued) as queued,
                           count(*) filter (where state = :sent) as sent,
                           count(*) filter (where state = :failed) as failed
                    from mail_outbox where booking_id = :booking""")
                .bind("booking", bookingId)
                .bind("queued", MailState.QUEUED)
                .bind("sent", MailState.SENT)
                .bind("failed", MailState.FAILED)
                .map((rs, ctx) ->
                        new MailCounts(rs.getInt("queued"), rs.getInt("sent"), rs.getInt("failed"), List.of()))
                .one();
        if (counts.failed() == 0) {
            return counts;
        }
        List<MailCounts.Failure> errors = h.createQuery("""
                    select recipient, kind, coalesce(last_error, 'unknown') as error from mail_outbox
                    where booking_id = :booking and state = :failed order by created_at, id""")
                .bind("booking", bookingId)
                .bind("failed", MailState.FAILED)
                .map((rs, ctx) ->
                        new MailCounts.Failure(rs.getString("recipient"), rs.getString("kind"), rs.getString("error")))
                .list();
        return new MailCounts(counts.queued(), counts.sent(), counts.failed(), errors);
    }

    @Override
    public List<FailedEmail> failures(Handle h, UUID bookingId) {
        return h.createQuery("""
                    select f.recipient, f.kind, coalesce(f.last_error, 'unknown') as error,
                           coalesce(f.failed_at, f.created_at) as failed_at
                    from mail_outbox f
                    where f.booking_id = :booking and f.state = :failed
                      and not exists (select 1 from mail_outbox s
                                      where s.booking_id = f.booking_id and s.state = :sent and s.kind = f.kind
                                        and s.recipient = f.recipient and s.created_at > f.created_at)
                    order by f.created_at, f.id""")
                .bind("booking", bookingId)
                .bind("failed", MailState.FAILED)
                .bind("sent", MailState.SENT)
                .map((rs, ctx) -> new FailedEmail(
                        rs.getString("recipient"),
                        rs.getString("kind"),
                        rs.getString("error"),
                        rs.getObject("failed_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list();
    }

    @Override
    public List<Summary> messages(UUID bookingId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id, kind, recipient, subject, state from mail_outbox where booking_id = :b order by created_at, id")
                .bind("b", bookingId)
                .map((rs, ctx) -> new Summary(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        MailState.fromWire(rs.getString("state"))))
                .list());
    }

    private static final String LETTER_COLUMNS =
            "id, booking_id, kind, recipient, subject, state, attempts, last_error, created_at, sent_at";

    @Override
    public List<Letter> newest(int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + LETTER_COLUMNS
                        + " from mail_outbox order by created_at desc, id desc limit :limit offset :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .map(OutboxStore::letter)
                .list());
    }

    @Override
    public List<Letter> ofBooking(UUID bookingId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + LETTER_COLUMNS + " from mail_outbox where booking_id = :b order by created_at, id")
                .bind("b", bookingId)
                .map(OutboxStore::letter)
                .list());
    }

    @Override
    public Optional<Letter> find(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select " + LETTER_COLUMNS + " from mail_outbox where id = :id")
                .bind("id", id)
                .map(OutboxStore::letter)
                .findOne());
    }

    @Override
    public Optional<String> text(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select body_text from mail_outbox where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .map(text -> text.replace(Outbox.TOKEN_PLACEHOLDER, LINK_SHOWN)));
    }

    private static Letter letter(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Letter(
                rs.getObject("id", UUID.class),
                Optional.ofNullable(rs.getObject("booking_id", UUID.class)),
                rs.getString("kind"),
                rs.getString("recipient"),
                rs.getString("subject"),
                MailState.fromWire(rs.getString("state")),
                rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("sent_at", java.time.OffsetDateTime.class))
                        .map(java.time.OffsetDateTime::toInstant));
    }
}
