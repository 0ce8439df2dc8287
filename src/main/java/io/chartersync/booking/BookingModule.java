package io.chartersync.booking;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartersync.audit.AuditLog;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RouteModule;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * The booking feature: the intake API ({@code /api/bookings}), the bookings and their versions, and the
 * audit of every intake.
 *
 * <p>Booking and the sync workflow need each other: the intake schedules a version's sync in its own
 * transaction and answers with the sync's status, and the sync reads the booking it syncs. Booking does
 * not know the workflow; it declares what it needs of it ({@link SyncScheduler}, {@link StatusProvider})
 * and offers what the workflow reads ({@link BookingReader}). So it is built in two steps: {@link
 * #create} builds the store, whose {@link #reader()} the workflow is built from; {@link #desk} then
 * takes the workflow's scheduler, status and failed syncs and builds the intake, which {@link #routes} serves.
 */
public final class BookingModule {
    /**
     * What the booking feature needs from the rest of the program; {@code crew} tells which crew member
     * ids are in the roster, {@code boats} the name each boat is shown by, {@code operator} guards the API,
     * {@code marinaZone} is the clock of the list's dates, {@code clock} tells which charters are still ahead.
     */
    public record Deps(
            Jdbi jdbi,
            ObjectMapper json,
            AuditLog audit,
            CrewDirectory crew,
            BoatDirectory boats,
            Guard operator,
            JsonBodies bodies,
            ZoneId marinaZone,
            Clock clock) {}

    private final Deps deps;
    private final BookingStore store;

    private BookingModule(Deps deps, BookingStore store) {
        this.deps = deps;
        this.store = store;
    }

    public static BookingModule create(Deps deps) {
        return new BookingModule(deps, new BookingStore(deps.jdbi(), deps.json()));
    }

    /** The current version of a booking, for the sync workflow. */
    public BookingReader reader() {
        return store;
    }

    /**
     * What the operator does with bookings (the intake API and the console both go through it), which
     * schedules each new version's sync with {@code sync} and answers {@code status}.
     */
    public BookingDesk desk(SyncScheduler sync, StatusProvider status, FailedSyncs failedSyncs) {
        BookingIntake intake = new BookingIntake(deps.jdbi(), store, sync, deps.audit(), deps.boats());
        return new BookingDesk(
                new BookingParser(deps.crew()), intake, store, status, failedSyncs, deps.marinaZone(), deps.clock());
    }

    /**
     * The intake API over {@code desk}; {@code idempotent} wraps its three writes (create, patch, cancel) so
     * they honour {@code Idempotency-Key} (the idempotency module's wrapper, given by the composition root).
     */
    public List<RouteModule> routes(BookingDesk desk, UnaryOperator<Handler> idempotent) {
        return List.of(new BookingRoutes(deps.operator(), deps.bodies(), desk, idempotent));
    }
}
