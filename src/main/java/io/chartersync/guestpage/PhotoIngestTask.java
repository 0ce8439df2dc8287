package io.chartersync.guestpage;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.chartersync.db.RetriedTask;
import io.chartersync.db.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * One durable ingest of an upload, and the ingest task's name, encoding and retries in one place. The task
 * data is the upload's id; the instance id is {@code <id>@<trigger>}, so each trigger asks once and the
 * ingest (which does nothing for an upload no longer pending) may be asked up to three times.
 */
record PhotoIngestTask(UUID photoId, Trigger trigger) {
    static final String NAME = "ingest-photo";

    /** What asks for the ingest; its stored form ends the instance id. */
    enum Trigger {
        /** The presigned URL expired: look for an upload the browser never reported. */
        EXPIRY,
        /** The upload came through the program (the form without JavaScript). */
        NOW,
        /** The browser reported its direct upload done. */
        DONE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    String instance() {
        return photoId + "@" + trigger.wire();
    }

    String data() {
        return photoId.toString();
    }

    /** Schedules the ingest at {@code at}, in the caller's transaction. */
    void schedule(TaskQueue tasks, Handle h, Instant at) {
        tasks.schedule(h, NAME, instance(), data(), at);
    }

    /** The durable task: {@code ingest} gets the upload's id; storage errors are retried with backoff. */
    static OneTimeTask<String> task(Consumer<UUID> ingest) {
        return RetriedTask.of(
                NAME, Duration.ofSeconds(2), Duration.ofMinutes(5), 30, data -> ingest.accept(UUID.fromString(data)));
    }
}
