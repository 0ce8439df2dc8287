package io.chartersync.workflow;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Saga runs and their step checkpoints, keyed by booking id + version (+ step). */
final class Checkpoints {
  private final Jdbi jdbi;

  Checkpoints(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  record Run(String state, Optional<String> error, int attempts) {}

  record Step(String state, Optional<String> result, Optional<String> error) {}

  static void createRun(Handle h, UUID booking, int version) {
    h.createUpdate("insert into sync_run (booking_id, version, state) values (:b, :v, 'pending') on conflict do nothing")
        .bind("b", booking)
        .bind("v", version)
        .execute();
  }

  Optional<Run> run(UUID booking, int version) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select state, error, attempts from sync_run where booking_id = :b and version = :v")
                .bind("b", booking)
                .bind("v", version)
                .map((rs, ctx) -> new Run(rs.getString("state"), Optional.ofNullable(rs.getString("error")), rs.getInt("attempts")))
                .findOne());
  }

  void start(UUID booking, int version) {
    jdbi.useHandle(
        h ->
            h.createUpdate("update sync_run set state = 'running', attempts = attempts + 1 where booking_id = :b and version = :v")
                .bind("b", booking)
                .bind("v", version)
                .execute());
  }

  void finish(UUID booking, int version, String state, Optional<String> error) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update sync_run set state = :state, error = :error, finished_at = now() where booking_id = :b and version = :v")
                .bind("b", booking)
                .bind("v", version)
                .bind("state", state)
                .bind("error", error.orElse(null))
                .execute());
  }

  void record(UUID booking, int version, SyncStep step, StepOutcome outcome) {
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
    String s = state;
    String r = result;
    String e = error;
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into sync_step (booking_id, version, step, state, result, error) values (:b, :v, :step, :state, :result, :error)
                    on conflict (booking_id, version, step) do update
                      set state = excluded.state, result = excluded.result, error = excluded.error, updated_at = now()""")
                .bind("b", booking)
                .bind("v", version)
                .bind("step", step.key())
                .bind("state", s)
                .bind("result", r)
                .bind("error", e)
                .execute());
  }

  Map<SyncStep, Step> steps(UUID booking, int version) {
    Map<SyncStep, Step> steps = new EnumMap<>(SyncStep.class);
    jdbi.useHandle(
        h ->
            h.createQuery("select step, state, result, error from sync_step where booking_id = :b and version = :v")
                .bind("b", booking)
                .bind("v", version)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            SyncStep.fromKey(rs.getString("step")),
                            new Step(rs.getString("state"), Optional.ofNullable(rs.getString("result")), Optional.ofNullable(rs.getString("error")))))
                .forEach(e -> steps.put(e.getKey(), e.getValue())));
    return steps;
  }

  /** The latest successful result of a step for any version of the booking (an id stays valid). */
  Optional<String> latestResult(UUID booking, SyncStep step) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select result from sync_step where booking_id = :b and step = :step and state = 'done' order by version desc limit 1")
                .bind("b", booking)
                .bind("step", step.key())
                .mapTo(String.class)
                .findOne());
  }
}
