package io.chartersync.mail;

import java.util.Optional;
import java.util.UUID;

/**
 * An email to send. {@code dedupeKey} makes queuing idempotent; a body may hold {@link
 * Outbox#TOKEN_PLACEHOLDER} where the magic-link token of {@code linkId} goes at delivery.
 */
public record OutboxMessage(
        String dedupeKey,
        Optional<UUID> bookingId,
        String kind,
        String recipient,
        String subject,
        String bodyText,
        String bodyHtml,
        Optional<UUID> linkId) {}
