package io.chartersync.storage;

import java.time.Duration;
import java.util.Optional;

/**
 * Object storage for the published guest site and its photos: files under {@code DATA_DIR/site} by
 * default, an S3 bucket behind a CDN in production. Keys look like {@code g/<slug>.html}.
 */
public interface BlobStore {

    /** Writes {@code key}, replacing any object there; answers the stored object's ETag. */
    String put(String key, byte[] bytes, String contentType, String cacheControl);

    Optional<Blob> get(String key);

    /** Removes {@code key}; removing what is not there is fine. */
    void delete(String key);

    /**
     * How a browser may upload exactly {@code size} bytes of {@code contentType} to {@code key} for the
     * next {@code ttl}, straight to the store: the store itself refuses any other key, size or type.
     */
    UploadTarget presignUpload(String key, String contentType, long size, Duration ttl);
}
