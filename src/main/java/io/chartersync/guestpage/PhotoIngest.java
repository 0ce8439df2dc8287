package io.chartersync.guestpage;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.chartersync.common.TransientFailure;
import io.chartersync.db.RetriedTask;
import io.chartersync.storage.Blob;
import io.chartersync.storage.BlobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable ingest of one upload: the file's real type by its magic bytes, its size in pixels before any
 * are decoded, then a re-encode without any metadata into a display size and a thumbnail, stored under
 * content-hashed names (immutable), and the page re-published with its gallery, in one transaction. A
 * refused file is deleted and the reason kept for the uploader. Storage errors are retried.
 */
final class PhotoIngest {
    static final String TASK = "ingest-photo";
    private static final java.util.concurrent.Semaphore DECODING = new java.util.concurrent.Semaphore(2);
    static final String PHOTO_CACHE = "public, max-age=31536000, immutable";
    /** How long after its URL expired an upload that never arrived is given up. */
    static final Duration GRACE = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final BlobStore store;
    private final GuestPageService pages;
    private final PhotoProcessor processor;
    private final Clock clock;

    PhotoIngest(Jdbi jdbi, BlobStore store, GuestPageService pages, PhotoProcessor processor, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.pages = pages;
        this.processor = processor;
        this.clock = clock;
    }

    OneTimeTask<String> task() {
        return RetriedTask.of(
                TASK, Duration.ofSeconds(2), Duration.ofMinutes(5), 30, data -> ingest(UUID.fromString(data)));
    }

    void ingest(UUID id) {
        GuestPhoto photo = jdbi.withHandle(h -> PhotoUploads.find(h, id));
        if (!photo.state().equals("pending")) {
            return;
        }
        Optional<Blob> upload = store.get(photo.uploadKey());
        if (upload.isEmpty()) {
            if (clock.instant()
                    .isBefore(photo.createdAt().plus(PhotoUploads.UPLOAD_TTL).plus(GRACE))) {
                throw new TransientFailure("upload " + id + " has not arrived yet");
            }
            reject(photo, "The upload never arrived. Please try again.");
            return;
        }
        PhotoProcessor.Outcome outcome;
        // Decoding takes up to ~150 MB per photo: at most two at a time, whatever the number of workers.
        DECODING.acquireUninterruptibly();
        try {
            outcome = processor.process(upload.get().bytes());
        } finally {
            DECODING.release();
        }
        switch (outcome) {
            case PhotoProcessor.Rejected rejected -> {
                store.delete(photo.uploadKey());
                reject(photo, rejected.reason());
            }
            case PhotoProcessor.Accepted accepted -> accept(photo, accepted);
        }
    }

    private void accept(GuestPhoto photo, PhotoProcessor.Accepted accepted) {
        String base = "g/" + photo.slug() + "/photos/";
        String display = base + accepted.display().sha256() + ".jpg";
        String thumb = base + accepted.thumbnail().sha256() + "-thumb.jpg";
        store.put(display, accepted.display().jpeg(), "image/jpeg", PHOTO_CACHE);
        store.put(thumb, accepted.thumbnail().jpeg(), "image/jpeg", PHOTO_CACHE);
        jdbi.useTransaction(h -> {
            int marked = h.createUpdate("""
                update guest_photo set state = 'ready', display_key = :display, thumb_key = :thumb, width = :w,
                  height = :h, thumb_width = :tw, thumb_height = :th, processed_at = :now
                where id = :id and state = 'pending'""")
                    .bind("id", photo.id())
                    .bind("display", display)
                    .bind("thumb", thumb)
                    .bind("w", accepted.display().width())
                    .bind("h", accepted.display().height())
                    .bind("tw", accepted.thumbnail().width())
                    .bind("th", accepted.thumbnail().height())
                    .bind("now", clock.instant())
                    .execute();
            if (marked == 1) {
                pages.republish(h, photo.slug());
            }
        });
        store.delete(photo.uploadKey());
    }

    private void reject(GuestPhoto photo, String reason) {
        jdbi.useHandle(h -> h.createUpdate("""
                update guest_photo set state = 'rejected', reason = :reason, processed_at = :now
                where id = :id and state = 'pending'""")
                .bind("id", photo.id())
                .bind("reason", reason)
                .bind("now", clock.instant())
                .execute());
    }
}
