package io.chartersync.storage;

import java.util.Optional;

/** Object storage for the published guest site (filesystem now; S3 behind a CDN in production). */
public interface BlobStore {

    /** Writes {@code key}, replacing any object there; answers the stored object's ETag. */
    String put(String key, byte[] bytes, String contentType, String cacheControl);

    Optional<Blob> get(String key);
}
