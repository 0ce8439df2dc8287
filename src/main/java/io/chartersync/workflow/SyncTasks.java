package io.chartersync.workflow;

import io.chartersync.booking.SyncScheduler;
import io.chartersync.db.TaskQueue;
import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Schedules a booking version's saga in the intake transaction: its run row and its durable task. */
public final class SyncTasks implements SyncScheduler {
    private final TaskQueue tasks;
    private final Clock clock;

    public SyncTasks(TaskQueue tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void schedule(Handle handle, UUID bookingId, int version) {
        Checkpoints.createRun(handle, bookingId, version);
        tasks.schedule(
                handle,
                SyncSaga.TASK,
                bookingId + "-v" + version,
                bookingId + ":" + version,
                clock.instant(),
                SyncSaga.PRIORITY);
    }
}
