package io.chartersync.workflow;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a marketplace feed no longer lists a booking (or lists it cancelled), for its {@code
 * vanished_from_feed} attention item: since when, and why in words. Made by the feed module (which the
 * workflow does not know), handed in through {@link WorkflowModule.Deps}.
 */
@FunctionalInterface
public interface FeedFlags {
    /** No feeds: nothing is ever flagged. */
    FeedFlags NONE = bookingId -> Optional.empty();

    Optional<Flag> vanished(UUID bookingId);

    /** A booking's flag: since when its feed stopped listing it (or listed it cancelled), and why in words. */
    record Flag(Instant since, String detail) {}
}
