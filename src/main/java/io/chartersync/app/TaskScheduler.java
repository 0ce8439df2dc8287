package io.chartersync.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.Task;
import io.chartersync.db.Database;
import io.chartersync.db.TextSerializer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The durable task scheduler (db-scheduler) over every feature's tasks, on the program's one clock. */
final class TaskScheduler {
    private TaskScheduler() {}

    /**
     * Polls every second (and at once when a task is scheduled on this node); a node that misses 4
     * heartbeats of 2 s is dead and its executions run again elsewhere; a stop waits 10 s for running tasks.
     * Failures are logged at WARN without a stack trace (each task logs what it knows, without secrets).
     */
    static Scheduler build(Database database, List<Task<?>> tasks, int threads, Clock clock) {
        return Scheduler.create(database.dataSource(), tasks)
                .serializer(new TextSerializer())
                .clock(clock::instant)
                .threads(threads)
                .enablePriority()
                .pollUsingLockAndFetch(0.5, 1.0)
                .pollingInterval(Duration.ofSeconds(1))
                .heartbeatInterval(Duration.ofSeconds(2))
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .failureLogging(LogLevel.WARN, false)
                .build();
    }

    /**
     * Frees the executions a program that died (kill -9, a power cut) left marked as running, so they run at
     * once instead of after the 8 s in which its missing heartbeats would show it dead. Only for the embedded
     * database: one program holds its data directory (see db/DataDirectory), so every execution marked as
     * picked before this program's scheduler starts was picked by a program that is gone. With an external
     * database other nodes may be running, and db-scheduler's own detection stays the only one.
     *
     * @return how many were freed
     */
    static int releaseExecutionsOfTheDeadProgram(Database database) {
        return database.jdbi().withHandle(h -> h.createUpdate("""
                            update scheduled_tasks
                            set picked = false, picked_by = null, last_heartbeat = null, version = version + 1
                            where picked""").execute());
    }
}
