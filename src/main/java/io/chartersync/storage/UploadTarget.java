package io.chartersync.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A presigned upload: send {@code method} to {@code url} with exactly these {@code headers} (the signed
 * {@code Content-Type}; the body's length is signed too) before {@code expiresAt}.
 */
public record UploadTarget(String method, URI url, Map<String, String> headers, Instant expiresAt) {
    public UploadTarget {
        headers = Map.copyOf(headers);
    }
}
