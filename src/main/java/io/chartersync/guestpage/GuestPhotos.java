package io.chartersync.guestpage;

import com.github.kagkarlsson.scheduler.task.Task;
import io.chartersync.db.TaskQueue;
import io.chartersync.storage.BlobStore;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Guest photos as a whole: uploads (presigned or through the program) and their durable ingest. */
public final class GuestPhotos {
    private final PhotoUploads uploads;
    private final PhotoIngest ingest;

    public GuestPhotos(Jdbi jdbi, BlobStore store, GuestPageService pages, TaskQueue tasks, Clock clock) {
        this.uploads = new PhotoUploads(jdbi, pages.pages(), store, pages.uploadTokens(), tasks, clock);
        this.ingest = new PhotoIngest(jdbi, store, pages, new PhotoProcessor(), clock);
    }

    PhotoUploads uploads() {
        return uploads;
    }

    /** The durable ingest task, for the scheduler. */
    public Task<String> task() {
        return ingest.task();
    }
}
