package io.chartersync.guestpage;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.chartersync.db.RetriedTask;
import io.chartersync.db.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Re-publishing a page when its uploads close, so it stops offering the form: the task's name, encoding and
 * retries in one place. The task data is the slug; the instance id is {@code <slug>@<epoch second>}, so a
 * page whose trip moves plans a new closing, and the old one, when it runs, only publishes the page as it is.
 */
record CloseUploadsTask(String slug, Instant closesAt) {
    static final String NAME = "close-guest-uploads";

    String instance() {
        return slug + "@" + closesAt.getEpochSecond();
    }

    String data() {
        return slug;
    }

    /** Schedules the closing at {@link #closesAt}, in the caller's transaction. */
    void schedule(TaskQueue tasks, Handle h) {
        tasks.schedule(h, NAME, instance(), data(), closesAt);
    }

    /** The durable task: {@code republish} gets the page's slug. */
    static OneTimeTask<String> task(Consumer<String> republish) {
        return RetriedTask.of(NAME, Duration.ofSeconds(30), Duration.ofHours(1), 20, republish::accept);
    }
}
