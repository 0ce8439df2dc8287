package io.chartersync.guestpage;

import io.chartersync.common.AppException;
import io.chartersync.common.FieldError;
import io.chartersync.db.TaskQueue;
import io.chartersync.storage.BlobStore;
import io.chartersync.storage.UploadTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Guest photo uploads: checks the page's upload token, the declared type and size (refused before anything
 * is signed), records the upload as pending and schedules its ingest. Uploads go straight to blob storage
 * (a presigned PUT) or, without JavaScript, through the program ({@link #receive}).
 */
final class PhotoUploads {
    static final Duration UPLOAD_TTL = Duration.ofMinutes(10);
    static final Pattern SLUG = Pattern.compile("^[a-z0-9-]{3,80}$");

    private final Jdbi jdbi;
    private final PageStore pages;
    private final PhotoStore photos;
    private final BlobStore blobs;
    private final UploadTokens tokens;
    private final TaskQueue tasks;
    private final Clock clock;

    PhotoUploads(
            Jdbi jdbi,
            PageStore pages,
            PhotoStore photos,
            BlobStore blobs,
            UploadTokens tokens,
            TaskQueue tasks,
            Clock clock) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.photos = photos;
        this.blobs = blobs;
        this.tokens = tokens;
        this.tasks = tasks;
        this.clock = clock;
    }

    record Presigned(UUID id, UploadTarget target) {}

    /** Signs a direct upload of exactly {@code size} bytes of {@code contentType} for the page's gallery. */
    Presigned presign(String slug, String token, String contentType, long size) {
        ImageType type = check(slug, token, contentType, size);
        return jdbi.inTransaction(h -> {
            requireUploadsOpen(h, slug);
            UUID id = UUID.randomUUID();
            String key = key(slug, id);
            photos.insertPending(h, id, slug, key, type, size);
            // Should the browser never say it is done, the ingest looks for the upload once the URL expired.
            new PhotoIngestTask(id, PhotoIngestTask.Trigger.EXPIRY)
                    .schedule(tasks, h, clock.instant().plus(UPLOAD_TTL).plusSeconds(60));
            return new Presigned(id, blobs.presignUpload(key, type.mediaType(), size, UPLOAD_TTL));
        });
    }

    /** An upload sent through the program (the form without JavaScript): stored, then ingested at once. */
    UUID receive(String slug, String token, String contentType, byte[] bytes) {
        ImageType type = check(slug, token, contentType, bytes.length);
        UUID id = UUID.randomUUID();
        String key = key(slug, id);
        jdbi.useTransaction(h -> requireUploadsOpen(h, slug));
        blobs.put(key, bytes, type.mediaType(), "private, no-store");
        jdbi.useTransaction(h -> {
            photos.insertPending(h, id, slug, key, type, bytes.length);
            new PhotoIngestTask(id, PhotoIngestTask.Trigger.NOW).schedule(tasks, h, clock.instant());
        });
        return id;
    }

    /** The browser finished its direct upload: ingest now rather than at the URL's expiry. */
    GuestPhoto complete(UUID id, String token) {
        return jdbi.inTransaction(h -> {
            GuestPhoto photo = photos.get(h, id);
            if (!tokens.matches(photo.slug(), token)) {
                throw AppException.InvalidInput.of("upload_token", "is not the upload token of this page");
            }
            if (photo.state() == PhotoState.PENDING) {
                new PhotoIngestTask(id, PhotoIngestTask.Trigger.DONE).schedule(tasks, h, clock.instant());
            }
            return photo;
        });
    }

    GuestPhoto status(UUID id) {
        return jdbi.withHandle(h -> photos.get(h, id));
    }

    /** Refuses what can never be uploaded, naming every offending field, before anything is signed. */
    private ImageType check(String slug, String token, String contentType, long size) {
        List<FieldError> errors = new ArrayList<>();
        if (slug == null || !SLUG.matcher(slug).matches()) {
            errors.add(new FieldError("slug", "must be a guest page slug such as may-30-boatsetter-k3x9abcd"));
        } else if (!tokens.matches(slug, token)) {
            errors.add(new FieldError("upload_token", "is not the upload token of this page"));
        }
        Optional<ImageType> type = Optional.ofNullable(contentType).flatMap(ImageType::ofMediaType);
        if (type.isEmpty()) {
            errors.add(new FieldError(
                    "content_type", "must be image/jpeg, image/png, image/webp or image/heic, was " + contentType));
        }
        if (size <= 0 || size > PhotoProcessor.MAX_BYTES) {
            errors.add(new FieldError(
                    "size", "must be between 1 byte and 25 MiB (" + PhotoProcessor.MAX_BYTES + " bytes)"));
        }
        if (!errors.isEmpty()) {
            throw new AppException.InvalidInput(errors);
        }
        return type.orElseThrow();
    }

    /** The page must exist and take uploads: not cancelled, and not 30 days past the trip. */
    private void requireUploadsOpen(Handle h, String slug) {
        PageStore.Page page = pages.find(h, slug).orElseThrow(() -> new AppException.NotFound("guest page", slug));
        Instant now = clock.instant();
        boolean open = page.endsAt()
                .map(end -> GuestPageService.uploadsOpen(page.cancelled(), end, now))
                .orElse(!page.cancelled());
        if (!open) {
            throw new AppException.Gone(
                    page.cancelled()
                            ? "This charter was cancelled, so its photo uploads are closed."
                            : "Photo uploads for this charter closed 30 days after the trip.");
        }
    }

    private static String key(String slug, UUID id) {
        return "uploads/" + slug + "/" + id;
    }
}
