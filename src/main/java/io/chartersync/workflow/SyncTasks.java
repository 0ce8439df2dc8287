package io.chartersync.workflow;

import io.chartersync.booking.SyncScheduler;
import io.chartersync.db.TaskQueue;
import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Schedules a booking version's saga in the intake transaction: its run row and its durable task. */
final class SyncTasks implements SyncScheduler {
    private final SyncRunStore runs;
    private final TaskQueue tasks;
    private final Clock clock;

    SyncTasks(SyncRunStore runs, TaskQueue tasks, Clock clock) {
        this.runs = runs;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void schedule(Handle handle, UUID bookingId, int version) {
        SyncTaskData data = new SyncTaskData(bookingId, version);
        runs.createRun(handle, bookingId, version);
        tasks.schedule(handle, SyncSaga.TASK, data.instanceId(), data.encode(), clock.instant(), SyncSaga.PRIORITY);
    }
}
