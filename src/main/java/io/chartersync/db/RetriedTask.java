package io.chartersync.db;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.chartersync.common.Failure.Kind;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable one-time task with text data, retried with {@link Backoff} when {@code work} throws a transient
 * failure ({@link Failures}), and logged as an error when it gives up: at once for a permanent one (a bug, say),
 * after {@code maxAttempts} otherwise. The shape of every small background job here (a summary, a briefing, a
 * photo ingest).
 */
public final class RetriedTask {
    private static final Logger log = LoggerFactory.getLogger(RetriedTask.class);

    private RetriedTask() {}

    public static OneTimeTask<String> of(
            String name, Duration base, Duration cap, int maxAttempts, Consumer<String> work) {
        Backoff<String> backoff = new Backoff<>(base, cap, maxAttempts, (instance, cause) -> {
            // Backoff has logged a permanent failure already, as an error, once.
            if (Failures.kind(cause) == Kind.TRANSIENT) {
                log.error("gave up on {} {}: {}", name, instance.getId(), cause.toString());
            }
        });
        return new OneTimeTask<>(name, String.class, backoff) {
            @Override
            public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
                work.accept(instance.getData());
            }
        };
    }
}
