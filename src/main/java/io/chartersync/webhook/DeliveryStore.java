package io.chartersync.webhook;

import io.chartersync.db.Deadlocks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The webhooks received ({@code webhook_delivery}), by source and the sender's {@code webhook-id}, kept
 * {@link #KEPT}: a delivery seen within that time is a replay. The only SQL for that table.
 */
final class DeliveryStore {
    static final Duration KEPT = Duration.ofHours(24);

    private final Jdbi jdbi;

    DeliveryStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A delivery recorded within {@link #KEPT} before {@code now}, and the booking it touched (if any). */
    record Seen(Optional<UUID> bookingId) {}

    Optional<Seen> recent(String source, String webhookId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select booking_id from webhook_delivery where source = :source and webhook_id = :id"
                                + " and received_at > :since")
                .bind("source", source)
                .bind("id", webhookId)
                .bind("since", now.minus(KEPT))
                .map((rs, ctx) -> new Seen(Optional.ofNullable(rs.getObject("booking_id", UUID.class))))
                .findOne());
    }

    /**
     * Records a delivery whose effect is stored; a delivery recorded meanwhile (a concurrent one of the same
     * id) stays as it is. Deliveries older than {@link #KEPT} are deleted on the way, so the table holds about
     * a day of deliveries and needs no task of its own.
     */
    void record(String source, String webhookId, UUID bookingId, Instant now) {
        // Two deliveries deleting the same old rows in another order can deadlock: the one failed runs again.
        Deadlocks.retrying(() -> jdbi.inTransaction(h -> {
            h.createUpdate("delete from webhook_delivery where received_at <= :since")
                    .bind("since", now.minus(KEPT))
                    .execute();
            h.createUpdate("insert into webhook_delivery (source, webhook_id, received_at, booking_id)"
                            + " values (:source, :id, :now, :booking) on conflict (source, webhook_id) do nothing")
                    .bind("source", source)
                    .bind("id", webhookId)
                    .bind("now", now)
                    .bind("booking", bookingId)
                    .execute();
            return null;
        }));
    }
}
