package io.chartersync.feed;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable recurring poll of each feed: one db-scheduler instance per feed (instance id and data = the
 * feed's id), so it runs on exactly one node at a time and survives restarts. Each run polls when the feed is
 * due, then reschedules itself for the feed's next poll (an interval after its last poll, a poll-now's
 * included); a deleted feed's instance removes itself. A run that fails
 * unexpectedly (the database away) is tried again a minute later.
 */
final class FeedPollTask {
    static final String TASK = "feed-poll";
    private static final Duration RETRY = Duration.ofMinutes(1);

    private FeedPollTask() {}

    static Task<String> task(FeedPoller poller, Clock clock) {
        return Tasks.custom(TASK, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
                .execute((instance, context) -> {
                    Optional<Feed> feed = poller.pollScheduled(UUID.fromString(instance.getData()));
                    if (feed.isEmpty()) {
                        return (done, operations) -> operations.remove();
                    }
                    Instant now = clock.instant();
                    Instant due = feed.get().nextPollAt();
                    Instant next = due.isAfter(now) ? due : now.plus(feed.get().interval());
                    CompletionHandler<String> reschedule = (done, operations) -> operations.reschedule(done, next);
                    return reschedule;
                });
    }
}
