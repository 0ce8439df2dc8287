package io.chartersync.guestpage;

import io.chartersync.common.TransientFailure;
import io.chartersync.storage.Blob;
import io.chartersync.storage.BlobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable ingest of one upload: the file's real type by its magic bytes, its size in pixels before any
 * are decoded, then a re-encode without any metadata into a display size and a thumbnail, stored under
 * content-hashed names (immutable), and the page re-published with its gallery, in one transaction. A
 * refused file is deleted and the reason kept for the uploader. Storage errors are retried.
 */
final class PhotoIngest {
    private static final Semaphore DECODING = new Semaphore(2);
    static final String PHOTO_CACHE = "public, max-age=31536000, immutable";
    /** How long after its URL expired an upload that never arrived is given up. */
    static final Duration GRACE = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final PhotoStore photos;
    private final BlobStore blobs;
    private final GuestPageService pages;
    private final PhotoProcessor processor;
    private final Clock clock;

    PhotoIngest(
            Jdbi jdbi,
            PhotoStore photos,
            BlobStore blobs,
            GuestPageService pages,
            PhotoProcessor processor,
            Clock clock) {
        this.jdbi = jdbi;
        this.photos = photos;
        this.blobs = blobs;
        this.pages = pages;
        this.processor = processor;
        this.clock = clock;
    }

    void ingest(UUID id) {
        GuestPhoto photo = jdbi.withHandle(h -> photos.get(h, id));
        if (photo.state() != PhotoState.PENDING) {
            return;
        }
        Optional<Blob> upload = blobs.get(photo.uploadKey());
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
                blobs.delete(photo.uploadKey());
                reject(photo, rejected.reason());
            }
            case PhotoProcessor.Accepted accepted -> accept(photo, accepted);
        }
    }

    private void accept(GuestPhoto photo, PhotoProcessor.Accepted accepted) {
        String base = "g/" + photo.slug() + "/photos/";
        String display = base + accepted.display().sha256() + ".jpg";
        String thumb = base + accepted.thumbnail().sha256() + "-thumb.jpg";
        blobs.put(display, accepted.display().jpeg(), "image/jpeg", PHOTO_CACHE);
        blobs.put(thumb, accepted.thumbnail().jpeg(), "image/jpeg", PHOTO_CACHE);
        jdbi.useTransaction(h -> {
            if (photos.markReady(h, photo.id(), display, thumb, accepted, clock.instant())) {
                pages.republish(h, photo.slug());
            }
        });
        blobs.delete(photo.uploadKey());
    }

    private void reject(GuestPhoto photo, String reason) {
        jdbi.useHandle(h -> photos.markRejected(h, photo.id(), reason, clock.instant()));
    }
}
