package io.chartersync.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;

/**
 * Schedules durable db-scheduler tasks inside the caller's transaction, so the work and the thing that
 * causes it commit together (or not at all). After the commit of an urgent task (a sync) the local
 * scheduler is woken, so it starts at once instead of at the next poll; other tasks (emails) are picked
 * up by the scheduler's next fetch, which under load follows every finished task and otherwise comes
 * with the one-second poll. Other nodes find every task by polling.
 */
public final class TaskQueue {
  /** Tasks at or above this priority wake the local scheduler when their transaction commits. */
  public static final int URGENT = 10;

  private final AtomicReference<Runnable> wakeUp = new AtomicReference<>(() -> {});

  /** Installs what wakes the local scheduler; set once the scheduler exists. */
  public void onScheduled(Runnable wakeUp) {
    this.wakeUp.set(wakeUp);
  }

  /**
   * Schedules {@code task}/{@code instance} with text data at {@code at}. Scheduling an instance that is
   * already waiting does nothing: the instance id is the idempotency key.
   */
  public void schedule(Handle handle, String task, String instance, String data, Instant at) {
    schedule(handle, task, instance, data, at, 0);
  }

  /** As above, with a priority: higher runs first when tasks wait (syncs before emails, say). */
  public void schedule(Handle handle, String task, String instance, String data, Instant at, int priority) {
    handle
        .createUpdate(
            """
            insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version, priority)
            values (:task, :instance, :data, :at, false, 1, :priority)
            on conflict (task_name, task_instance) do nothing""")
        .bind("task", task)
        .bind("instance", instance)
        .bind("data", data.getBytes(StandardCharsets.UTF_8))
        .bind("at", at)
        .bind("priority", (short) priority)
        .execute();
    if (priority >= URGENT) {
      handle.afterCommit(() -> wakeUp.get().run());
    }
  }
}
