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
}
