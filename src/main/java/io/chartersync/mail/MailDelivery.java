package io.chartersync.mail;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.chartersync.common.BookingLog;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.TransientFailure;
import io.chartersync.db.Backoff;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued emails as durable tasks: one task for the emails of one transaction, each email sent
 * and recorded on its own, so a retry sends only what is still queued. The magic-link token is derived
 * here, at the last moment, from the link id; the stored body only holds a placeholder. A transient failure
 * (connection refused, a timeout, a 4xx reply) is retried with backoff and jitter for up to about 24 hours,
 * then what is unsent is marked failed with the error; a permanent one (a 5xx reply) marks that email
 * failed at once, with the server's reply, and holds back none of the others. A programming error is not
 * retried either ({@code db.Failures}): the task stops and what is unsent is marked failed with it.
 */
final class MailDelivery {
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    /*
     * Retries of transient failures: up to about 24 hours. Retry n waits 5 s × 2^(n-1), capped at 1 h, times
     * a jitter factor in [0.5, 1.5) (Backoff.delay). Retries 1–10 wait 5 s … 2,560 s, together 5 s × 1,023
     * ≈ 1.4 h; retries 11–32 wait 1 h each, 22 h. So 33 attempts (32 retries) span 84,315 s ≈ 23.4 h on
     * average (the jitter moves the total by about 1.4 h either way, one standard deviation); then the
     * emails still queued are marked failed.
     */
    static final Duration RETRY_BASE = Duration.ofSeconds(5);
    static final Duration RETRY_CAP = Duration.ofHours(1);
    static final int MAX_ATTEMPTS = 33;

    private final OutboxStore store;
    private final MailTransport transport;
    private final MimeMessages mime;
    private final LinkTokens linkTokens;
    private final Clock clock;
    private final MeterRegistry metrics;

    MailDelivery(
            OutboxStore store,
            MailTransport transport,
            String from,
            String messageIdDomain,
            LinkTokens linkTokens,
            Clock clock,
            MeterRegistry metrics) {
        this.store = store;
        this.transport = transport;
        this.mime = new MimeMessages(from, messageIdDomain);
        this.linkTokens = linkTokens;
        this.clock = clock;
        this.metrics = metrics;
    }

    static <T> Backoff<T> backoff(BiConsumer<TaskInstance<T>, Throwable> onGiveUp) {
        return new Backoff<>(RETRY_BASE, RETRY_CAP, MAX_ATTEMPTS, onGiveUp);
    }

    /** The {@code deliver-mail} task; its data is a {@link MailBatch}, as text. */
    OneTimeTask<String> task() {
        Backoff<String> backoff = backoff(this::giveUp);
        return new OneTimeTask<>(MailBatch.TASK, String.class, backoff) {
            @Override
            public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
                deliverAll(MailBatch.decode(instance.getData()));
            }
        };
    }

    /**
     * Tries every email of the task, so one that fails does not hold back the others; if any failed for
     * a reason that may pass (a transient failure), the task fails afterwards and a retry sends what is left.
     */
    void deliverAll(MailBatch batch) {
        TransientFailure lastFailure = null;
        for (UUID id : batch.emailIds()) {
            try {
                deliver(id);
            } catch (TransientFailure e) {
                lastFailure = e;
            }
        }
        if (lastFailure != null) {
            throw lastFailure;
        }
    }

    void deliver(UUID id) {
        Optional<OutboxStore.Queued> queued = store.findQueued(id);
        if (queued.isEmpty()) {
            return;
        }
        OutboxStore.Queued q = queued.get();
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
            markFailed(new OutboxStore.Failed(id, q.bookingId(), q.kind()), SendFailure.withoutAddresses(e.toString()));
            return;
        }
        try {
            transport.send(id.toString(), message);
        } catch (Exception e) {
            switch (SendFailure.of(e)) {
                case SendFailure.Permanent permanent -> {
                    // The server refused this email for good (a 5xx reply): no retry will help.
                    // The email's id, never its recipient: addresses stay out of logs.
                    log.warn("Email {} refused for good: {}", id, permanent.reason());
                    markFailed(new OutboxStore.Failed(id, q.bookingId(), q.kind()), permanent.reason());
                    return;
                }
                case SendFailure.Transient failure -> {
                    store.recordFailedAttempt(id, failure.reason());
                    // Without the cause: its message quotes the recipient, and this one is logged.
                    throw new TransientFailure("delivery of email " + id + " failed: " + failure.reason());
                }
            }
        }
        store.markSent(id, clock.instant());
        metrics.counter("chartersync_emails_sent_total").increment();
    }

    /** One email that can never go out: failed at once, this attempt counted, the reason kept. */
    private void markFailed(OutboxStore.Failed email, String reason) {
        store.markFailed(email.id(), reason, clock.instant());
        metrics.counter("chartersync_emails_failed_total").increment();
        logged(email, reason);
    }

    /** The booking event log's line: the email's id and kind, never its recipient (the reason has none). */
    private static void logged(OutboxStore.Failed email, String reason) {
        BookingLog.warn("email_failed", "email could not be sent", email.bookingId())
                .with("email_id", email.id())
                .with("kind", email.kind())
                .with("reason", reason)
                .log();
    }

    /** After the last retry: every email of the task not yet sent is marked failed, with the error. */
    private void giveUp(TaskInstance<String> instance, Throwable cause) {
        String reason = String.valueOf(cause.getMessage());
        store.failStillQueued(MailBatch.decode(instance.getData()).emailIds(), reason, clock.instant())
                .forEach(email -> logged(email, "gave up after retries: " + reason));
    }
}
