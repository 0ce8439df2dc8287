package io.chartersync.db;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;

/**
 * Schedules durable db-scheduler tasks inside the caller's transaction, so the work and the thing that
 * causes it commit together (or not at all). After the commit of an urgent task (a sync) the local
 * scheduler is woken at once; other tasks (emails) wake it at most every {@link #LAZY_WAKE}, since under
 * load its next fetch (after every finished task) picks them up anyway. Other nodes find every task by
 * polling.
 */
public final class TaskQueue implements AutoCloseable {
    /** Tasks at or above this priority wake the local scheduler when their transaction commits. */
    public static final int URGENT = 10;

    static final Duration LAZY_WAKE = Duration.ofMillis(100);
    private final AtomicReference<Runnable> wakeUp = new AtomicReference<>(() -> {});
    private final AtomicBoolean lazyWakePending = new AtomicBoolean();
    private final ScheduledExecutorService lazyWaker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("task-queue-waker").factory());

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
        handle.createUpdate("""
            insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version, priority)
            values (:task, :instance, :data, :at, false, 1, :priority)
            on conflict (task_name, task_instance) do nothing""")
                .bind("task", task)
                .bind("instance", instance)
                .bind("data", data.getBytes(StandardCharsets.UTF_8))
                .bind("at", at)
                .bind("priority", (short) priority)
                .execute();
        handle.afterCommit(priority >= URGENT ? () -> wakeUp.get().run() : this::wakeLazily);
    }

    /**
     * Drops the waiting instances of {@code task} whose id starts with {@code instancePrefix}, in the
     * caller's transaction. One already running is left to finish (it checks that it is still wanted).
     */
    public void cancel(Handle handle, String task, String instancePrefix) {
        handle.createUpdate("""
            delete from scheduled_tasks
            where task_name = :task and starts_with(task_instance, :prefix) and picked = false""")
                .bind("task", task)
                .bind("prefix", instancePrefix)
                .execute();
    }

    /**
     * Whether an instance of {@code task} named {@code instance} (or {@code instance-…}) is being run right now
     * (picked by a scheduler), in the caller's transaction.
     */
    public boolean running(Handle handle, String task, String instance) {
        return handle.createQuery("""
            select exists (select 1 from scheduled_tasks
                           where task_name = :task and (task_instance = :instance or starts_with(task_instance, :prefix))
                             and picked)""")
                .bind("task", task)
                .bind("instance", instance)
                .bind("prefix", instance + "-")
                .mapTo(Boolean.class)
                .one();
    }

    /**
     * Brings the waiting instances of {@code task} named {@code instance} (or {@code instance-…}) forward to
     * {@code at} (a retry that backoff had put off), in the caller's transaction; answers how many there were.
     * One already running is left alone.
     */
    public int runNow(Handle handle, String task, String instance, Instant at) {
        int moved = handle.createUpdate("""
            update scheduled_tasks set execution_time = :at
            where task_name = :task and (task_instance = :instance or starts_with(task_instance, :prefix))
              and picked = false""")
                .bind("task", task)
                .bind("instance", instance)
                .bind("prefix", instance + "-")
                .bind("at", at)
                .execute();
        if (moved > 0) {
            handle.afterCommit(() -> wakeUp.get().run());
        }
        return moved;
    }

    private void wakeLazily() {
        if (lazyWakePending.compareAndSet(false, true)) {
            lazyWaker.schedule(
                    () -> {
                        lazyWakePending.set(false);
                        wakeUp.get().run();
                    },
                    LAZY_WAKE.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        lazyWaker.shutdownNow();
    }
}
