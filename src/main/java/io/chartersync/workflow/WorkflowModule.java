package io.chartersync.workflow;

import com.github.kagkarlsson.scheduler.task.Task;
import io.chartersync.audit.AuditLog;
import io.chartersync.booking.BookingDesk;
import io.chartersync.booking.BookingReader;
import io.chartersync.booking.StatusProvider;
import io.chartersync.booking.SyncScheduler;
import io.chartersync.calendar.CalendarPort;
import io.chartersync.crew.CrewPort;
import io.chartersync.db.TaskQueue;
import io.chartersync.guestpage.GuestPagePort;
import io.chartersync.mail.OutboxView;
import io.chartersync.web.Guard;
import io.chartersync.web.RouteModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The sync workflow: the saga that brings calendar, guest page, crew event and captain summary in line
 * with each booking version, and its runs and checkpoints ({@code sync_run}, {@code sync_step}).
 *
 * <p>It reaches the three services only through their ports, and bookings only through booking's {@link
 * BookingReader}. Booking, which must not know the workflow, is built first; this module is built from its
 * reader, and gives back the two things booking's intake declares it needs: {@link #scheduler()}, which
 * schedules a version's sync in the intake transaction, and {@link #status()}, which builds the status
 * document the intake answers with.
 */
public final class WorkflowModule {
    /**
     * What the workflow needs: the booking read view, the three services' ports, the outbox's read view
     * (the status counts a booking's emails), the task queue its saga runs on, {@code unansweredAlert}
     * (how long before the start a member who has not answered needs the operator), and {@code afterStep}, a test hook run after each checkpointed step (nothing in production), the audit
     * log a retry by hand is recorded in, and {@code feedFlags}: which bookings a marketplace feed no longer
     * lists ({@code vanished_from_feed}).
     */
    public record Deps(
            Jdbi jdbi,
            BookingReader bookings,
            CalendarPort calendar,
            CrewPort crew,
            GuestPagePort guestPages,
            OutboxView mail,
            TaskQueue tasks,
            MeterRegistry metrics,
            Clock clock,
            Duration unansweredAlert,
            Consumer<SyncStep> afterStep,
            AuditLog audit,
            FeedFlags feedFlags) {}

    private final SyncRunStore runs;
    private final SyncSaga saga;
    private final SyncTasks scheduler;
    private final SyncStatus status;
    private final SyncRetries retry;

    private WorkflowModule(
            SyncRunStore runs, SyncSaga saga, SyncTasks scheduler, SyncStatus status, SyncRetries retry) {
        this.runs = runs;
        this.saga = saga;
        this.scheduler = scheduler;
        this.status = status;
        this.retry = retry;
    }

    public static WorkflowModule create(Deps deps) {
        SyncRunStore runs = new SyncRunStore(deps.jdbi());
        return new WorkflowModule(
                runs,
                new SyncSaga(
                        deps.jdbi(),
                        runs,
                        deps.bookings(),
                        deps.calendar(),
                        deps.guestPages(),
                        deps.crew(),
                        deps.metrics(),
                        deps.afterStep()),
                new SyncTasks(runs, deps.tasks(), deps.clock()),
                new SyncStatus(
                        deps.jdbi(),
                        runs,
                        deps.calendar(),
                        deps.crew(),
                        deps.mail(),
                        new Attention(deps.clock(), deps.unansweredAlert()),
                        deps.feedFlags()),
                new SyncRetries(deps.jdbi(), runs, deps.bookings(), deps.tasks(), deps.audit(), deps.clock()));
    }

    /** Schedules a booking version's sync, for booking's intake. */
    public SyncScheduler scheduler() {
        return scheduler;
    }

    /** Builds a booking's status document, for booking's routes. */
    public StatusProvider status() {
        return status;
    }

    /** Retries a failed or stuck sync by hand (the console's Retry). */
    public SyncRetry retry() {
        return retry;
    }

    /** {@code POST /api/bookings/{id}/retry}, guarded by {@code operator}, answering {@code desk}'s status. */
    public List<RouteModule> routes(Guard operator, BookingDesk desk) {
        return List.of(new RetryRoutes(operator, retry, desk));
    }

    /** The saga's durable task. */
    public List<Task<?>> tasks() {
        return List.of(saga.task());
    }

    /** How far the syncs of all bookings have come (the benchmark watches it). */
    public SyncProgress progress() {
        return runs;
    }
}
