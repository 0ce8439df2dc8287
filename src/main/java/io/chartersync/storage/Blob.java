package io.chartersync.storage;

/** A stored object: its bytes, type, caching rule and a strong ETag (quoted SHA-256 prefix). */
public record Blob(byte[] bytes, String contentType, String cacheControl, String etag) {}
