package io.chartersync.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox as the operator reads it (the console's mailbox and a booking's emails): every email with its
 * delivery state, and what it says in plain text. Read-only. A crew email's personal link is never shown:
 * the outbox holds a placeholder where the link's token goes at delivery, and {@link #text} shows it as
 * {@link #LINK_SHOWN}.
 */
public interface Mailbox {
    /** What a crew email's personal link reads as in a preview. */
    String LINK_SHOWN = "[personal link]";

    /** A page of the outbox, newest first: {@code limit} emails after skipping {@code offset}. */
    List<Letter> newest(int offset, int limit);

    /** A booking's emails, in the order they were queued. */
    List<Letter> ofBooking(UUID bookingId);

    Optional<Letter> find(UUID id);

    /** The plain-text part of an email as queued, its personal link (if any) shown as {@link #LINK_SHOWN}. */
    Optional<String> text(UUID id);

    /**
     * One email: which booking it is about (none for some operator alerts), its kind ({@code invite}, {@code
     * guest-page}…), to whom, its subject, where its delivery stands, how many attempts were made and the
     * last error, when it was queued and when it went out.
     */
    record Letter(
            UUID id,
            Optional<UUID> bookingId,
            String kind,
            String recipient,
            String subject,
            MailState state,
            int attempts,
            Optional<String> error,
            Instant queuedAt,
            Optional<Instant> sentAt) {}
}
