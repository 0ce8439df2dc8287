package io.chartersync.booking;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.AppException;
import io.chartersync.db.Deadlocks;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Accepts bookings. One transaction stores the booking version, schedules its sync and writes the audit
 * entry, so an answered intake is durable, will be synced, and is on record. {@code (source, external_id)}
 * is the natural key: the same body again changes nothing; a different body becomes the next version.
 * {@code actor} names who asked, for the audit log ({@code operator} for the intake API). A boat seen for the
 * first time is registered in the same transaction, before or after the booking's row lock (a POST names the
 * boat first, a PATCH after reading the locked version), so two such intakes of one booking can deadlock: the
 * one PostgreSQL fails runs again ({@link Deadlocks}).
 */
final class BookingIntake {
    /** The fields that name a booking: a patch cannot change them. */
    private static final List<String> NATURAL_KEY = List.of("source", "external_id");

    private final Jdbi jdbi;
    private final BookingStore store;
    private final SyncScheduler sync;
    private final AuditLog audit;
    private final BoatDirectory boats;

    BookingIntake(Jdbi jdbi, BookingStore store, SyncScheduler sync, AuditLog audit, BoatDirectory boats) {
        this.jdbi = jdbi;
        this.boats = boats;
        this.store = store;
        this.sync = sync;
        this.audit = audit;
    }

    /** What intake did, and the booking as stored (its boat under the display name), for the event log. */
    record Result(UUID id, int version, Saved.Outcome outcome, Booking booking) {
        Saved saved() {
            return new Saved(id, version, outcome);
        }
    }

    Result submit(Booking sent, String actor) {
        return BookingEvents.accepted(Deadlocks.retrying(() -> jdbi.inTransaction(h -> {
            Booking booking = named(h, sent);
            UUID newId = UUID.randomUUID();
            if (store.insertIfNew(h, newId, booking)) {
                sync.schedule(h, newId, 1);
                audit.append(h, BookingAudit.created(actor, newId, booking));
                return new Result(newId, 1, Saved.Outcome.CREATED, booking);
            }
            BookingStore.Head head = store.lockByNaturalKey(h, booking.source(), booking.externalId())
                    .orElseThrow();
            if (head.bodyHash().equals(store.hash(booking))) {
                return new Result(head.id(), head.version(), Saved.Outcome.UNCHANGED, booking);
            }
            if (head.cancelled()) {
                throw new AppException.Conflict("booking " + head.id() + " (" + booking.source() + "/"
                        + booking.externalId() + ") is cancelled; send a new external_id to book again");
            }
            return nextVersion(h, head, booking, actor);
        })));
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the body of the booking's current version, under its row lock:
     * {@code source} and {@code external_id} cannot change; the result is read by {@code parse}, the intake's
     * own parser, as a whole. The same body again changes nothing; another becomes the next version, synced
     * like any other change.
     */
    Result patch(UUID id, JsonNode patch, Function<JsonNode, Booking> parse, String actor) {
        return BookingEvents.accepted(Deadlocks.retrying(() -> jdbi.inTransaction(h -> {
            BookingStore.Head head =
                    store.lockById(h, id).orElseThrow(() -> new AppException.NotFound("booking", id.toString()));
            if (head.cancelled()) {
                throw new AppException.Conflict("booking " + id + " is cancelled; a cancelled booking is not edited");
            }
            JsonNode current = store.tree(
                    store.findVersion(h, id, head.version()).orElseThrow().booking());
            JsonNode merged = MergePatch.apply(current, patch);
            for (String key : NATURAL_KEY) {
                if (!current.path(key).equals(merged.path(key))) {
                    throw AppException.InvalidInput.of(
                            key, "cannot change: it names the booking (with source); book a new one instead");
                }
            }
            Booking booking = named(h, parse.apply(merged));
            if (head.bodyHash().equals(store.hash(booking))) {
                return new Result(id, head.version(), Saved.Outcome.UNCHANGED, booking);
            }
            return nextVersion(h, head, booking, actor);
        })));
    }

    /**
     * The booking with its boat under the boat's display name ({@code "Jada "} becomes {@code JADA} when that
     * is how the boat was registered or first seen), so every system shows one name for one boat.
     */
    private Booking named(Handle h, Booking booking) {
        return booking.boat().isBlank() ? booking : booking.withBoat(boats.displayName(h, booking.boat()));
    }

    /** Stores {@code booking} as the version after {@code head}'s, schedules its sync and audits what changed. */
    private Result nextVersion(Handle h, BookingStore.Head head, Booking booking, String actor) {
        StoredBooking previous = store.findVersion(h, head.id(), head.version()).orElseThrow();
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
        return new Result(head.id(), next, Saved.Outcome.UPDATED, booking);
    }

    /** Cancels a booking: a new version that carries the cancel to every system. */
    Result cancel(UUID id, String actor) {
        return BookingEvents.cancelled(jdbi.inTransaction(h -> {
            BookingStore.Head head =
                    store.lockById(h, id).orElseThrow(() -> new AppException.NotFound("booking", id.toString()));
            if (head.cancelled()) {
                StoredBooking last = store.findVersion(h, id, head.version()).orElseThrow();
                return new Result(id, head.version(), Saved.Outcome.UNCHANGED, last.booking());
            }
            StoredBooking current = store.findVersion(h, id, head.version()).orElseThrow();
            int next = head.version() + 1;
            store.insertVersion(h, id, next, current.booking(), true);
            sync.schedule(h, id, next);
            audit.append(h, BookingAudit.cancelled(actor, id, next, current.booking()));
            return new Result(id, next, Saved.Outcome.UPDATED, current.booking());
        }));
    }
}
