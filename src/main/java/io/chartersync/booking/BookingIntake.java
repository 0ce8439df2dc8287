package io.chartersync.booking;

import io.chartersync.audit.AuditLog;
import io.chartersync.common.AppException;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Accepts bookings. One transaction stores the booking version, schedules its sync and writes the audit
 * entry, so an answered intake is durable, will be synced, and is on record. {@code (source, external_id)}
 * is the natural key: the same body again changes nothing; a different body becomes the next version.
 * {@code actor} names who asked, for the audit log ({@code operator} for the intake API).
 */
final class BookingIntake {
    private final Jdbi jdbi;
    private final BookingStore store;
    private final SyncScheduler sync;
    private final AuditLog audit;

    BookingIntake(Jdbi jdbi, BookingStore store, SyncScheduler sync, AuditLog audit) {
        this.jdbi = jdbi;
        this.store = store;
        this.sync = sync;
        this.audit = audit;
    }

    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    record Result(UUID id, int version, Outcome outcome) {}

    Result submit(Booking booking, String actor) {
        return jdbi.inTransaction(h -> {
            UUID newId = UUID.randomUUID();
            if (store.insertIfNew(h, newId, booking)) {
                sync.schedule(h, newId, 1);
                audit.append(h, BookingAudit.created(actor, newId, booking));
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
            StoredBooking previous =
                    store.findVersion(h, head.id(), head.version()).orElseThrow();
            int next = head.version() + 1;
            store.insertVersion(h, head.id(), next, booking, false);
            sync.schedule(h, head.id(), next);
            audit.append(
                    h,
                    BookingAudit.updated(
                            actor,
                            head.id(),
                            next,
                            booking,
                            BookingAudit.changedFields(store.tree(previous.booking()), store.tree(booking))));
            return new Result(head.id(), next, Outcome.UPDATED);
        });
    }

    /** Cancels a booking: a new version that carries the cancel to every system. */
    Result cancel(UUID id, String actor) {
        return jdbi.inTransaction(h -> {
            BookingStore.Head head =
                    store.lockById(h, id).orElseThrow(() -> new AppException.NotFound("booking", id.toString()));
            if (head.cancelled()) {
                return new Result(id, head.version(), Outcome.UNCHANGED);
            }
            StoredBooking current = store.findVersion(h, id, head.version()).orElseThrow();
            int next = head.version() + 1;
            store.insertVersion(h, id, next, current.booking(), true);
            sync.schedule(h, id, next);
            audit.append(h, BookingAudit.cancelled(actor, id, next, current.booking()));
            return new Result(id, next, Outcome.UPDATED);
        });
    }
}
