package io.chartersync.mail;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.chartersync.common.LinkTokens;
import io.chartersync.db.Backoff;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Delivers queued emails as durable tasks: one task for the emails of one transaction, each email sent
 * and recorded on its own, so a retry sends only what is still queued. The magic-link token is derived
 * here, at the last moment, from the link id; the stored body only holds a placeholder. Failures are
 * retried with backoff and jitter for about a day, then what is unsent is marked failed with the error.
 */
public final class MailDelivery {
    private final Jdbi jdbi;
    private final MailTransport transport;
    private final MimeMessages mime;
    private final LinkTokens linkTokens;
    private final Clock clock;
    private final MeterRegistry metrics;

    public MailDelivery(
            Jdbi jdbi,
            MailTransport transport,
            String from,
            String messageIdDomain,
            LinkTokens linkTokens,
            Clock clock,
            MeterRegistry metrics) {
        this.jdbi = jdbi;
        this.transport = transport;
        this.mime = new MimeMessages(from, messageIdDomain);
        this.linkTokens = linkTokens;
        this.clock = clock;
        this.metrics = metrics;
    }

    public OneTimeTask<String> task() {
        Backoff<String> backoff = new Backoff<>(
                Duration.ofSeconds(5), Duration.ofHours(1), 40, (instance, cause) -> markFailed(instance, cause));
        return new OneTimeTask<>(Outbox.TASK, String.class, backoff) {
            @Override
            public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
                deliverAll(instance.getData());
            }
        };
    }

    /**
     * Tries every email of the task, so one that fails does not hold back the others; if any failed for
     * a reason that may pass (the transport), the task fails afterwards and a retry sends what is left.
     */
    void deliverAll(String ids) {
        IllegalStateException lastFailure = null;
        for (String id : ids.split(",")) {
            try {
                deliver(UUID.fromString(id));
            } catch (IllegalStateException e) {
                lastFailure = e;
            }
        }
        if (lastFailure != null) {
            throw lastFailure;
        }
    }

    void deliver(UUID id) {
        try (Handle h = jdbi.open()) {
            Optional<Queued> queued = h.createQuery(
                            "select recipient, subject, body_text, body_html, link_id from mail_outbox where id = :id and state = 'queued'")
                    .bind("id", id)
                    .map((rs, ctx) -> new Queued(
                            rs.getString("recipient"),
                            rs.getString("subject"),
                            rs.getString("body_text"),
                            rs.getString("body_html"),
                            Optional.ofNullable(rs.getObject("link_id", UUID.class))))
                    .findOne();
            if (queued.isEmpty()) {
                return;
            }
            Queued q = queued.get();
            String token = q.linkId().map(linkTokens::tokenFor).orElse("");
            MimeMessage message;
            try {
                message = mime.build(
                        id.toString(),
                        q.recipient(),
                        q.subject(),
                        q.text().replace(Outbox.TOKEN_PLACEHOLDER, token),
                        q.html().replace(Outbox.TOKEN_PLACEHOLDER, token),
                        clock.instant());
            } catch (MessagingException e) {
                // The message itself is wrong (an address mail cannot use): no retry will help.
                h.createUpdate(
                                "update mail_outbox set state = 'failed', attempts = attempts + 1, last_error = :error where id = :id")
                        .bind("id", id)
                        .bind("error", e.toString())
                        .execute();
                metrics.counter("chartersync_emails_failed_total").increment();
                return;
            }
            try {
                transport.send(id.toString(), message);
            } catch (Exception e) {
                h.createUpdate("update mail_outbox set attempts = attempts + 1, last_error = :error where id = :id")
                        .bind("id", id)
                        .bind("error", e.toString())
                        .execute();
                throw new IllegalStateException("delivery of email " + id + " failed: " + e.getMessage(), e);
            }
            h.createUpdate(
                            "update mail_outbox set state = 'sent', sent_at = :now, attempts = attempts + 1 where id = :id")
                    .bind("id", id)
                    .bind("now", clock.instant())
                    .execute();
        }
        metrics.counter("chartersync_emails_sent_total").increment();
    }

    /** After the last retry: every email of the task not yet sent is marked failed, with the error. */
    private void markFailed(TaskInstance<String> instance, Throwable cause) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update mail_outbox set state = 'failed', last_error = :error where id = any(:ids) and state = 'queued'")
                .bind(
                        "ids",
                        Arrays.stream(instance.getData().split(","))
                                .map(UUID::fromString)
                                .toArray(UUID[]::new))
                .bind("error", String.valueOf(cause.getMessage()))
                .execute());
    }

    private record Queued(String recipient, String subject, String text, String html, Optional<UUID> linkId) {}
}
