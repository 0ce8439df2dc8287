package io.chartersync.workflow;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.chartersync.booking.BookingReader;
import io.chartersync.booking.StepState;
import io.chartersync.booking.StoredBooking;
import io.chartersync.calendar.CalendarPort;
import io.chartersync.common.AppException;
import io.chartersync.common.BookingLog;
import io.chartersync.common.Failure;
import io.chartersync.crew.CrewPort;
import io.chartersync.db.AdvisoryLocks;
import io.chartersync.db.Backoff;
import io.chartersync.db.Failures;
import io.chartersync.db.TaskQueue;
import io.chartersync.guestpage.GuestPagePort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync of one booking version, as a durable db-scheduler task: the four steps in order, each
 * checkpointed, so a retry or a restart after a crash resumes after the last step recorded as done. A step
 * can still run more than once: a crash between its work and its checkpoint, or a transient failure after
 * part of its work, runs it again. That is safe because every step is idempotent on its key (booking id +
 * version + step; the event by booking id, emails by dedupe key), so a repeat finds its own earlier work
 * and makes no second entry, event, page or email. A transient failure is retried with backoff; a permanent
 * one (invalid data, a programming error) fails the run at once, naming the booking, version and step
 * ({@link Failures}). Versions of one booking never run at the same time (a PostgreSQL advisory lock), and
 * a version that a newer one has replaced is skipped: the newer version carries the whole state.
 */
final class SyncSaga {
    static final String TASK = "sync-booking";
    /** Syncs run before email deliveries when both wait: a booking's state is what people watch. */
    static final int PRIORITY = TaskQueue.URGENT;
    /** Who the saga's changes are by, in the audit log. */
    static final String ACTOR = "sync";

    private static final Logger log = LoggerFactory.getLogger(SyncSaga.class);

    private final Jdbi jdbi;
    private final SyncRunStore runs;
    private final BookingReader bookings;
    private final CalendarPort calendar;
    private final GuestPagePort guestPages;
    private final CrewPort crew;
    private final MeterRegistry metrics;
    private final Consumer<SyncStep> afterStep;

    SyncSaga(
            Jdbi jdbi,
            SyncRunStore runs,
            BookingReader bookings,
            CalendarPort calendar,
            GuestPagePort guestPages,
            CrewPort crew,
            MeterRegistry metrics,
            Consumer<SyncStep> afterStep) {
        this.jdbi = jdbi;
        this.runs = runs;
        this.bookings = bookings;
        this.calendar = calendar;
        this.guestPages = guestPages;
        this.crew = crew;
        this.metrics = metrics;
        this.afterStep = afterStep;
    }

    Task<String> task() {
        Backoff<String> backoff = new Backoff<>(
                Duration.ofSeconds(2),
                Duration.ofMinutes(30),
                25,
                (instance, cause) -> giveUp(SyncTaskData.decode(instance.getData()), cause),
                (instance, attempt, next, cause) ->
                        showRetry(SyncTaskData.decode(instance.getData()), attempt, next, cause));
        return Tasks.custom(TASK, String.class)
                .onFailure(backoff)
                .onDeadExecutionRevive()
                .defaultPriority(PRIORITY)
                .execute((instance, context) -> {
                    SyncTaskData data = SyncTaskData.decode(instance.getData());
                    if (run(data.bookingId(), data.version())) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    // Another version of the booking is syncing: wait for it without spending a retry.
                    Duration wait =
                            Duration.ofMillis(200 + ThreadLocalRandom.current().nextInt(300));
                    return (complete, operations) -> operations.reschedule(
                            complete, complete.getTimeDone().plus(wait));
                });
    }

    /** Syncs the version; answers false, doing nothing, when another run holds the booking. */
    boolean run(UUID bookingId, int version) {
        try (Handle h = jdbi.open()) {
            Optional<AdvisoryLocks.Held> lock =
                    AdvisoryLocks.trySessionLock(h, new AdvisoryLocks.Key.BookingSync(bookingId));
            if (lock.isEmpty()) {
                return false;
            }
            // Checkpoints need not wait for the disk: if a crash of the machine lost the last ones, the
            // steps run again, and every step is idempotent. The steps' own transactions stay durable.
            h.execute("set synchronous_commit = off");
            try {
                runLocked(h, bookingId, version);
            } finally {
                h.execute("reset synchronous_commit");
                lock.get().release();
            }
            return true;
        }
    }

    /** Runs the steps not yet done; {@code h} (autocommit) carries the bookkeeping, each step its own work. */
    private void runLocked(Handle h, UUID bookingId, int version) {
        StoredBooking current = bookings.findCurrent(h, bookingId).orElseThrow();
        if (current.version() > version) {
            runs.startAttempt(h, bookingId, version)
                    .ifPresent(a -> runs.finish(
                            h,
                            bookingId,
                            version,
                            RunState.SUPERSEDED,
                            Optional.of("replaced by version " + current.version())));
            return;
        }
        Optional<Integer> attempt = runs.startAttempt(h, bookingId, version);
        if (attempt.isEmpty()) {
            return;
        }
        Map<SyncStep, SyncRunStore.StepRecord> recorded =
                attempt.get() == 1 ? Map.of() : runs.findSteps(h, bookingId, version);
        Map<SyncStep, StepResult> results = new EnumMap<>(SyncStep.class);
        recorded.forEach((step, record) -> record.result().ifPresent(result -> results.put(step, result)));
        for (SyncStep step : SyncStep.values()) {
            SyncRunStore.StepRecord previous = recorded.get(step);
            if (previous != null && previous.state() == StepState.DONE) {
                continue;
            }
            StepOutcome outcome = runStep(step, current, guestPageUrl(results));
            runs.recordStep(h, bookingId, version, step, outcome);
            switch (outcome) {
                case StepOutcome.Failed failed -> {
                    runs.finish(
                            h, bookingId, version, RunState.FAILED, Optional.of(step.key() + ": " + failed.reason()));
                    metrics.counter("chartersync_syncs_total", "outcome", "failed")
                            .increment();
                    return;
                }
                case StepOutcome.Done done -> results.put(step, done.result());
            }
            afterStep.accept(step);
        }
        runs.finish(h, bookingId, version, RunState.DONE, Optional.empty());
        metrics.counter("chartersync_syncs_total", "outcome", "synced").increment();
        BookingLog.info(
                        "synced",
                        current.cancelled() ? "booking cancelled everywhere" : "booking synced",
                        subject(current))
                .log();
    }

    /** The page's URL for the crew event, once the guest-page step is done (empty before). */
    private static String guestPageUrl(Map<SyncStep, StepResult> results) {
        return results.get(SyncStep.GUEST_PAGE) instanceof StepResult.GuestPage page ? page.url() : "";
    }

    private StepOutcome runStep(SyncStep step, StoredBooking booking, String guestPageUrl) {
        Timer.Sample sample = Timer.start(metrics);
        try {
            return runStepUntimed(step, booking, guestPageUrl);
        } finally {
            sample.stop(metrics.timer("chartersync_sync_step", "step", step.key()));
        }
    }

    private StepOutcome runStepUntimed(SyncStep step, StoredBooking booking, String guestPageUrl) {
        try {
            return new StepOutcome.Done(
                    switch (step) {
                        case CALENDAR ->
                            new StepResult.CalendarEntry(calendar.upsertForBooking(Requests.calendar(booking), ACTOR));
                        case GUEST_PAGE -> new StepResult.GuestPage(guestPages.publish(Requests.guestPage(booking)));
                        case CREW_EVENT ->
                            new StepResult.CrewEvent(crew.upsertForBooking(Requests.crewEvent(booking, guestPageUrl)));
                        case CAPTAIN_SUMMARY -> {
                            calendar.clashFor(booking.id()).ifPresent(other -> {
                                crew.alertConflict(booking.id(), Requests.otherBooking(other));
                                conflictLogged(booking, other);
                            });
                            yield new StepResult.CaptainSummary(crew.queueCaptainSummary(booking.id())
                                    .orElse("no summary: no captain or cancelled"));
                        }
                    });
        } catch (RuntimeException e) {
            if (Failures.kind(e) == Failure.Kind.TRANSIENT) {
                throw e;
            }
            return failedForGood(step, booking, e);
        }
    }
    /**
     * A step that will fail the same way however often it runs. Refused data keeps its own message (it names
     * the field or the thing missing); anything else is a programming error, or a statement the database
     * refuses, and its reason names the ids a developer needs to reproduce it.
     */
    private static StepOutcome.Failed failedForGood(SyncStep step, StoredBooking booking, RuntimeException e) {
        BookingLog.warn("sync_failed", "booking sync failed", subject(booking))
                .with("step", step.key())
                .with("reason", e instanceof AppException refused ? refused.getMessage() : unexpected(e))
                .log();
        if (e instanceof AppException refused) {
            log.warn(
                    "Sync step {} of booking {} v{} failed for good: {}",
                    step.key(),
                    booking.id(),
                    booking.version(),
                    refused.getMessage());
            return new StepOutcome.Failed(refused.getMessage());
        }
        log.error(
                "Sync step {} of booking {} v{} failed with an error that no retry can fix: {}",
                step.key(),
                booking.id(),
                booking.version(),
                Failures.described(e));
        return new StepOutcome.Failed("not retried: " + e.getClass().getName() + ": " + e.getMessage() + " (booking "
                + booking.id() + ", version " + booking.version() + ", step " + step.key() + ")");
    }

    /** While a run is retried, its error says what failed and when it tries again. */
    private void showRetry(SyncTaskData data, int attempt, Instant next, Throwable cause) {
        String error = "attempt " + attempt + " failed (" + cause.getMessage() + "); retrying at " + next;
        runs.showRetry(data.bookingId(), data.version(), error);
    }

    /**
     * After the last retry, or at once for a permanent failure outside a step (in the saga's own
     * bookkeeping), which Backoff has logged.
     */
    private void giveUp(SyncTaskData data, Throwable cause) {
        String error = Failures.kind(cause) == Failure.Kind.TRANSIENT
                ? "gave up after retries: " + cause.getMessage()
                : "not retried: " + cause.getClass().getName() + ": " + cause.getMessage() + " (booking "
                        + data.bookingId() + ", version " + data.version() + ")";
        jdbi.useHandle(h -> runs.finish(h, data.bookingId(), data.version(), RunState.FAILED, Optional.of(error)));
        BookingLog.Subject booking = new BookingLog.Subject(
                data.bookingId(), Optional.empty(), Optional.empty(), data.version(), Optional.empty());
        try {
            booking = jdbi.withHandle(h -> bookings.findCurrent(h, data.bookingId()))
                    .map(current -> subject(current, data.version()))
                    .orElse(booking);
        } catch (RuntimeException e) {
            // The line names the booking by its id alone: its other names are a courtesy.
        }
        BookingLog.warn("sync_failed", "booking sync failed", booking)
                .with(
                        "reason",
                        Failures.kind(cause) == Failure.Kind.TRANSIENT
                                ? "gave up after retries: " + cause.getMessage()
                                : unexpected(cause))
                .log();
    }

    /** A failure no retry fixes and the operator cannot either, in plain words; the details are logged before. */
    private static String unexpected(Throwable e) {
        return "an unexpected error, not retried (" + e.getClass().getSimpleName() + ")";
    }

    /** A clash found at the end of the sync, as the operator is alerted to it: the other side by its ids only. */
    private static void conflictLogged(StoredBooking booking, CalendarPort.Clash other) {
        BookingLog.warn("conflict", "booking clashes with another", subject(booking))
                .with("other_entry_id", other.entryId())
                .with("other_booking_id", other.bookingId())
                .log();
    }

    private static BookingLog.Subject subject(StoredBooking b) {
        return subject(b, b.version());
    }

    private static BookingLog.Subject subject(StoredBooking b, int version) {
        return BookingLog.Subject.of(
                b.id(),
                b.booking().source(),
                b.booking().externalId(),
                version,
                b.booking().boat());
    }
}
