package io.chartersync.db;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.chartersync.common.Failure.Kind;
import io.chartersync.common.TransientFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a failed task with exponential backoff and full jitter (base × 2^n, capped, times a random
 * factor in [0.5, 1.5)) while its failure is {@link Kind#TRANSIENT} ({@link Failures}); after
 * {@code maxAttempts} it gives up: {@code onGiveUp} records why, and the execution is removed. A
 * {@link Kind#PERMANENT} failure (invalid data, a programming error) gives up at once, logged as an error:
 * retrying it would only delay the same answer by hours and hide a bug.
 */
public final class Backoff<T> implements FailureHandler<T> {
    private static final Logger log = LoggerFactory.getLogger(Backoff.class);
    private final Duration base;
    private final Duration cap;
    private final int maxAttempts;
    private final BiConsumer<TaskInstance<T>, Throwable> onGiveUp;
    private final RetryListener<T> onRetry;

    /** Told of each retry, so the owner can show why and when the next attempt comes. */
    @FunctionalInterface
    public interface RetryListener<T> {
        void retrying(TaskInstance<T> instance, int failedAttempt, Instant next, Throwable cause);
    }

    public Backoff(Duration base, Duration cap, int maxAttempts, BiConsumer<TaskInstance<T>, Throwable> onGiveUp) {
        this(base, cap, maxAttempts, onGiveUp, (instance, attempt, next, cause) -> {});
    }

    public Backoff(
            Duration base,
            Duration cap,
            int maxAttempts,
            BiConsumer<TaskInstance<T>, Throwable> onGiveUp,
            RetryListener<T> onRetry) {
        this.base = base;
        this.cap = cap;
        this.maxAttempts = maxAttempts;
        this.onGiveUp = onGiveUp;
        this.onRetry = onRetry;
    }

    /** The delay before retry number {@code attempt} (1-based), jitter included. */
    public Duration delay(int attempt) {
        double exponential = base.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
        double capped = Math.min(exponential, cap.toMillis());
        double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int attempt = complete.getExecution().consecutiveFailures + 1;
        TaskInstance<T> instance = (TaskInstance<T>) complete.getExecution().taskInstance;
        Throwable cause = complete.getCause().orElse(new TransientFailure("failed without an exception"));
        if (Failures.kind(cause) == Kind.PERMANENT) {
            log.error("Not retrying {}: attempt {} failed for good: {}", instance, attempt, Failures.described(cause));
            onGiveUp.accept(instance, cause);
            operations.remove();
            return;
        }
        if (attempt >= maxAttempts) {
            log.warn("Giving up on {} after {} attempts: {}", instance, attempt, cause.toString());
            onGiveUp.accept(instance, cause);
            operations.remove();
            return;
        }
        Instant next = complete.getTimeDone().plus(delay(attempt));
        log.info("Retrying {} at {} (attempt {} failed: {})", instance, next, attempt, cause.toString());
        onRetry.retrying(instance, attempt, next, cause);
        operations.reschedule(complete, next);
    }
}
