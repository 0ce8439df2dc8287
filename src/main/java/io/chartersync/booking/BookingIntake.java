package io.chartersync.booking;

import io.chartersync.common.AppException;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Accepts bookings. One transaction stores the booking version and schedules its sync, so an answered
 * intake is durable and will be synced. {@code (source, external_id)} is the natural key: the same
 * body again changes nothing; a different body becomes the next version.
 */
public final class BookingIntake {
    private final Jdbi jdbi;
    private final BookingStore store;
    private final SyncScheduler sync;

    public BookingIntake(Jdbi jdbi, BookingStore store, SyncScheduler sync) {
        this.jdbi = jdbi;
        this.store = store;
        this.sync = sync;
    }

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Result(UUID id, int version, Outcome outcome) {}

    public Result submit(Booking booking) {
        return jdbi.inTransaction(h -> {
            UUID newId = UUID.randomUUID();
            if (store.insertNew(h, newId, booking)) {
                sync.schedule(h, newId, 1);
                return new Result(newId, 1, Outcome.CREATED);
            }
            BookingStore.Head head = store.lockByNaturalKey(h, booking.source(), booking.externalId())
                    .orElseThrow();
            if (head.bodyHash().equals(store.hash(booking))) {
                return new Result(head.id(), head.version(), Outcome.UNCHANGED);
            }
            if (head.cancelled()) {
                throw new AppException.Conflict("booking " + head.id() + " (" + booking.source() + "/"
                        + booking.externalId() + ") is cancelled; send a new external_id to book again");
            }
            int next = head.version() + 1;
            store.insertVersion(h, head.id(), next, booking, false);
            sync.schedule(h, head.id(), next);
            return new Result(head.id(), next, Outcome.UPDATED);
        });
    }

    /** Cancels a booking: a new version that carries the cancel to every system. */
    public Result cancel(UUID id) {
        return jdbi.inTransaction(h -> {
            BookingStore.Head head =
                    store.lock(h, id).orElseThrow(() -> new AppException.NotFound("booking", id.toString()));
            if (head.cancelled()) {
                return new Result(id, head.version(), Outcome.UNCHANGED);
            }
            StoredBooking current = store.findVersion(h, id, head.version()).orElseThrow();
            int next = head.version() + 1;
            store.insertVersion(h, id, next, current.booking(), true);
            sync.schedule(h, id, next);
            return new Result(id, next, Outcome.UPDATED);
        });
    }
}
