package io.chartersync.workflow;

import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.booking.BookingReader;
import io.chartersync.booking.StoredBooking;
import io.chartersync.common.AppException;
import io.chartersync.db.TaskQueue;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator's retry of a failed or stuck sync. A failed run is opened again (pending, its attempts kept)
 * and a new task instance runs it; a run waiting for a backoff retry has that retry moved to now. The saga
 * then skips the steps checkpointed as done, and every step is idempotent on its key, so nothing is made
 * twice. Whatever it does, it does in one transaction with its audit entry.
 */
final class SyncRetries implements SyncRetry {
    private final Jdbi jdbi;
    private final SyncRunStore runs;
    private final BookingReader bookings;
    private final TaskQueue tasks;
    private final AuditLog audit;
    private final Clock clock;

    SyncRetries(Jdbi jdbi, SyncRunStore runs, BookingReader bookings, TaskQueue tasks, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.runs = runs;
        this.bookings = bookings;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Outcome retry(UUID bookingId, String actor) {
        return jdbi.inTransaction(h -> {
            StoredBooking current = bookings.findCurrent(h, bookingId)
                    .orElseThrow(() -> new AppException.NotFound("booking", bookingId.toString()));
            int version = current.version();
            SyncRunStore.Run run = runs.lockRun(h, bookingId, version)
                    .orElseThrow(() -> nothingToRetry(bookingId, version, "it has no sync run yet"));
            SyncTaskData data = new SyncTaskData(bookingId, version);
            Outcome outcome = switch (run.state()) {
                case DONE -> throw nothingToRetry(bookingId, version, "it is synced");
                case SUPERSEDED -> throw nothingToRetry(bookingId, version, "a newer version replaced it");
                case FAILED -> reschedule(h, data);
                case PENDING, RUNNING -> bringForward(h, data, run);
            };
            audit.append(
                    h,
                    new AuditEntry(
                            actor,
                            "sync.retried",
                            "booking:" + bookingId,
                            Map.of("version", version, "how", outcome.name().toLowerCase(Locale.ROOT))));
            return outcome;
        });
    }

    private Outcome reschedule(Handle h, SyncTaskData data) {
        runs.reopen(h, data.bookingId(), data.version());
        // A task instance of its own: the failed run's instance may still be on its way out of the queue.
        tasks.schedule(
                h,
                SyncSaga.TASK,
                data.instanceId() + "-retry" + clock.millis(),
                data.encode(),
                clock.instant(),
                SyncSaga.PRIORITY);
        return Outcome.SCHEDULED;
    }

    private Outcome bringForward(Handle h, SyncTaskData data, SyncRunStore.Run run) {
        if (tasks.running(h, SyncSaga.TASK, data.instanceId())) {
            throw nothingToRetry(data.bookingId(), data.version(), "it is running now");
        }
        if (run.error().isEmpty()) {
            if (tasks.runNow(h, SyncSaga.TASK, data.instanceId(), clock.instant()) == 0) {
                // Open, yet no task will run it (lost): give it one.
                return reschedule(h, data);
            }
            throw nothingToRetry(data.bookingId(), data.version(), "it is queued and starts in a moment");
        }
        if (tasks.runNow(h, SyncSaga.TASK, data.instanceId(), clock.instant()) == 0) {
            return reschedule(h, data);
        }
        return Outcome.BROUGHT_FORWARD;
    }

    private static AppException.Conflict nothingToRetry(UUID bookingId, int version, String why) {
        return new AppException.Conflict(
                "Nothing to retry for booking " + bookingId + " (version " + version + "): " + why + ".");
    }
}
