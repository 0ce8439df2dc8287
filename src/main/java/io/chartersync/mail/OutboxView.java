package io.chartersync.mail;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** What others read of the outbox: how a booking's emails stand (the status), and which they are (the demo). */
public interface OutboxView {

    /** The booking's emails by state, with why each failed one failed; read on the caller's handle. */
    MailCounts counts(Handle h, UUID bookingId);

    /**
     * The booking's failed emails that no later email of the same kind to the same recipient has made up
     * for (a resend that went out), with when each failed; read on the caller's handle.
     */
    List<FailedEmail> failures(Handle h, UUID bookingId);

    /** A failed email: to whom, which kind ({@code invite}, {@code summary}…), why, and when. */
    record FailedEmail(String recipient, String kind, String error, java.time.Instant failedAt) {}

    /** The booking's emails, in the order they were queued. */
    List<Summary> messages(UUID bookingId);

    /** One queued or delivered email, for operators and the demo. */
    record Summary(UUID id, String kind, String recipient, String subject, MailState state) {}
}
