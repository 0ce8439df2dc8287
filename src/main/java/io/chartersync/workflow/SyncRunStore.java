package io.chartersync.workflow;

import io.chartersync.booking.StepState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The tables {@code sync_run} and {@code sync_step}: saga runs and their step checkpoints, keyed by
 * booking id + version (+ step). The saga's methods work on the caller's handle: the saga keeps one
 * connection for its bookkeeping (the one holding its lock), and the intake creates a run in its own
 * transaction.
 */
final class SyncRunStore implements SyncProgress {
    private final Jdbi jdbi;

    SyncRunStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A version's run; {@code createdAt} is when the version was accepted (the run is made with it). */
    record Run(
            RunState state,
            Optional<String> error,
            int attempts,
            Optional<Instant> createdAt,
            Optional<Instant> finishedAt) {}

    /** A step's checkpoint; a done step has its result. */
    record StepRecord(StepState state, Optional<StepResult> result, Optional<String> error) {}

    /** One step of one version, for the status document. */
    record VersionedStep(int version, SyncStep step, StepRecord record) {}

    void createRun(Handle h, UUID booking, int version) {
        h.createUpdate(
                        "insert into sync_run (booking_id, version, state) values (:b, :v, :state) on conflict do nothing")
                .bind("b", booking)
                .bind("v", version)
                .bind("state", RunState.PENDING)
                .execute();
    }

    Optional<Run> findRun(Handle h, UUID booking, int version) {
        return h.createQuery(
                        "select state, error, attempts, created_at, finished_at from sync_run where booking_id = :b and version = :v")
                .bind("b", booking)
                .bind("v", version)
                .map((rs, ctx) -> new Run(
                        RunState.fromWire(rs.getString("state")),
                        Optional.ofNullable(rs.getString("error")),
                        rs.getInt("attempts"),
                        Optional.ofNullable(rs.getObject("created_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant),
                        Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .findOne();
    }

    /** The version's run, its row locked until the caller's transaction ends (a retry decides on it). */
    Optional<Run> lockRun(Handle h, UUID booking, int version) {
        h.createQuery("select 1 from sync_run where booking_id = :b and version = :v for update")
                .bind("b", booking)
                .bind("v", version)
                .mapTo(Integer.class)
                .findOne();
        return findRun(h, booking, version);
    }

    /** Opens the run again for a retry by hand: pending, no error, not finished; its attempts are kept. */
    void reopen(Handle h, UUID booking, int version) {
        h.createUpdate(
                        "update sync_run set state = :pending, error = null, finished_at = null where booking_id = :b and version = :v")
                .bind("b", booking)
                .bind("v", version)
                .bind("pending", RunState.PENDING)
                .execute();
    }

    /** Marks the run started unless it already ended; answers the attempt number, or empty if it ended. */
    Optional<Integer> startAttempt(Handle h, UUID booking, int version) {
        return h.createQuery("""
            update sync_run set state = :running, attempts = attempts + 1
            where booking_id = :b and version = :v and state in (:pending, :running) returning attempts""")
                .bind("pending", RunState.PENDING)
                .bind("running", RunState.RUNNING)
                .bind("b", booking)
                .bind("v", version)
                .mapTo(Integer.class)
                .findOne();
    }

    void finish(Handle h, UUID booking, int version, RunState state, Optional<String> error) {
        h.createUpdate(
                        "update sync_run set state = :state, error = :error, finished_at = now() where booking_id = :b and version = :v")
                .bind("b", booking)
                .bind("v", version)
                .bind("state", state)
                .bind("error", error.orElse(null))
                .execute();
    }

    /** While an open run is retried, its error says what failed and when it tries again. */
    void showRetry(UUID booking, int version, String error) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update sync_run set error = :error where booking_id = :b and version = :v and state in (:pending, :running)")
                .bind("pending", RunState.PENDING)
                .bind("running", RunState.RUNNING)
                .bind("error", error)
                .bind("b", booking)
                .bind("v", version)
                .execute());
    }

    void recordStep(Handle h, UUID booking, int version, SyncStep step, StepOutcome outcome) {
        StepState state;
        String result = null;
        String error = null;
        switch (outcome) {
            case StepOutcome.Done done -> {
                state = StepState.DONE;
                result = done.result().stored();
            }
            case StepOutcome.Failed failed -> {
                state = StepState.FAILED;
                error = failed.reason();
            }
        }
        h.createUpdate("""
            insert into sync_step (booking_id, version, step, state, result, error) values (:b, :v, :step, :state, :result, :error)
            on conflict (booking_id, version, step) do update
              set state = excluded.state, result = excluded.result, error = excluded.error, updated_at = now()""")
                .bind("b", booking)
                .bind("v", version)
                .bind("step", step.key())
                .bind("state", state)
                .bind("result", result)
                .bind("error", error)
                .execute();
    }

    Map<SyncStep, StepRecord> findSteps(Handle h, UUID booking, int version) {
        Map<SyncStep, StepRecord> steps = new EnumMap<>(SyncStep.class);
        findHistory(h, booking).stream()
                .filter(s -> s.version() == version)
                .forEach(s -> steps.put(s.step(), s.record()));
        return steps;
    }

    /** Every step of every version of a booking, newest version first. */
    List<VersionedStep> findHistory(Handle h, UUID booking) {
        return h.createQuery(
                        "select version, step, state, result, error from sync_step where booking_id = :b order by version desc")
                .bind("b", booking)
                .map((rs, ctx) -> {
                    SyncStep step = SyncStep.fromKey(rs.getString("step"));
                    return new VersionedStep(
                            rs.getInt("version"),
                            step,
                            new StepRecord(
                                    StepState.fromWire(rs.getString("state")),
                                    Optional.ofNullable(rs.getString("result"))
                                            .map(text -> StepResult.fromStored(step, text)),
                                    Optional.ofNullable(rs.getString("error"))));
                })
                .list();
    }

    @Override
    public int unfinished() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from sync_run where state in (:pending, :running)")
                .bind("pending", RunState.PENDING)
                .bind("running", RunState.RUNNING)
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public int failed() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from sync_run where state = :failed")
                .bind("failed", RunState.FAILED)
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public Set<UUID> bookingsWithFailedRuns() {
        return jdbi.withHandle(h -> h.createQuery("select distinct booking_id from sync_run where state = :failed")
                .bind("failed", RunState.FAILED)
                .mapTo(UUID.class)
                .set());
    }

    @Override
    public List<Synced> synced(Collection<UUID> bookingIds) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select booking_id, finished_at from sync_run where state = :done and booking_id = any(:ids)")
                .bind("done", RunState.DONE)
                .bind("ids", bookingIds.toArray(UUID[]::new))
                .map((rs, ctx) -> new Synced(
                        rs.getObject("booking_id", UUID.class),
                        rs.getObject("finished_at", OffsetDateTime.class).toInstant()))
                .list());
    }

    @Override
    public Optional<Instant> lastSynced() {
        OffsetDateTime last =
                jdbi.withHandle(h -> h.createQuery("select max(finished_at) from sync_run where state = :done")
                        .bind("done", RunState.DONE)
                        .mapTo(OffsetDateTime.class)
                        .one());
        return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
    }
}
