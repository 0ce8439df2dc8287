package io.chartersync.workflow;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Saga runs and their step checkpoints, keyed by booking id + version (+ step). Every method works on
 * the caller's handle: the saga keeps one connection for its bookkeeping (the one holding its lock).
 */
final class Checkpoints {
    private Checkpoints() {}

    record Run(String state, Optional<String> error, int attempts) {}

    record Step(String state, Optional<String> result, Optional<String> error) {}

    /** One step of one version, for the status document. */
    record VersionedStep(int version, SyncStep step, Step state) {}

    static void createRun(Handle h, UUID booking, int version) {
        h.createUpdate(
                        "insert into sync_run (booking_id, version, state) values (:b, :v, 'pending') on conflict do nothing")
                .bind("b", booking)
                .bind("v", version)
                .execute();
    }

    static Optional<Run> run(Handle h, UUID booking, int version) {
        return h.createQuery("select state, error, attempts from sync_run where booking_id = :b and version = :v")
                .bind("b", booking)
                .bind("v", version)
                .map((rs, ctx) -> new Run(
                        rs.getString("state"), Optional.ofNullable(rs.getString("error")), rs.getInt("attempts")))
                .findOne();
    }

    /** Marks the run started unless it already ended; answers the attempt number, or empty if it ended. */
    static Optional<Integer> start(Handle h, UUID booking, int version) {
        return h.createQuery("""
            update sync_run set state = 'running', attempts = attempts + 1
            where booking_id = :b and version = :v and state in ('pending', 'running') returning attempts""")
                .bind("b", booking)
                .bind("v", version)
                .mapTo(Integer.class)
                .findOne();
    }

    static void finish(Handle h, UUID booking, int version, String state, Optional<String> error) {
        h.createUpdate(
                        "update sync_run set state = :state, error = :error, finished_at = now() where booking_id = :b and version = :v")
                .bind("b", booking)
                .bind("v", version)
                .bind("state", state)
                .bind("error", error.orElse(null))
                .execute();
    }

    static void record(Handle h, UUID booking, int version, SyncStep step, StepOutcome outcome) {
        String state;
        String result = null;
        String error = null;
        switch (outcome) {
            case StepOutcome.Done done -> {
                state = "done";
                result = done.result();
            }
            case StepOutcome.Failed failed -> {
                state = "failed";
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

    static Map<SyncStep, Step> steps(Handle h, UUID booking, int version) {
        Map<SyncStep, Step> steps = new EnumMap<>(SyncStep.class);
        history(h, booking).stream().filter(s -> s.version() == version).forEach(s -> steps.put(s.step(), s.state()));
        return steps;
    }

    /** Every step of every version of a booking, newest version first. */
    static List<VersionedStep> history(Handle h, UUID booking) {
        return h.createQuery(
                        "select version, step, state, result, error from sync_step where booking_id = :b order by version desc")
                .bind("b", booking)
                .map((rs, ctx) -> new VersionedStep(
                        rs.getInt("version"),
                        SyncStep.fromKey(rs.getString("step")),
                        new Step(
                                rs.getString("state"),
                                Optional.ofNullable(rs.getString("result")),
                                Optional.ofNullable(rs.getString("error")))))
                .list();
    }
}
