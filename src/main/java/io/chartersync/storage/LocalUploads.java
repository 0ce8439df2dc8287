package io.chartersync.storage;

import io.chartersync.common.Hashes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The embedded store's stand-in for S3's presigned PUT: a URL to the program's own upload route
 * ({@code PUT /uploads/<key after "uploads/">}) carrying the content type, size and expiry, signed with an
 * HMAC under a server secret. The route accepts exactly that key, type and size until the expiry.
 */
public final class LocalUploads {
    private final byte[] secret;
    private final URI publicBaseUrl;
    private final Clock clock;

    public LocalUploads(byte[] secret, URI publicBaseUrl, Clock clock) {
        this.secret = secret.clone();
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    UploadTarget sign(String key, String contentType, long size, Duration ttl) {
        Instant expires = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String query = "content_type=" + URLEncoder.encode(contentType, StandardCharsets.UTF_8) + "&size=" + size
                + "&expires=" + expires.getEpochSecond() + "&signature="
                + signature(key, contentType, size, expires.getEpochSecond());
        return new UploadTarget(
                "PUT",
                URI.create(publicBaseUrl + "/" + key + "?" + query),
                Map.of("Content-Type", contentType),
                expires);
    }

    /** True when {@code signature} was made by {@link #sign} for exactly this key, type, size and expiry, not yet passed. */
    public boolean verify(String key, String contentType, long size, long expiresEpochSecond, String signature) {
        if (signature == null || clock.instant().getEpochSecond() >= expiresEpochSecond) {
            return false;
        }
        return MessageDigest.isEqual(
                signature(key, contentType, size, expiresEpochSecond).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private String signature(String key, String contentType, long size, long expires) {
        byte[] mac = Hashes.hmacSha256(secret, "upload\n" + key + "\n" + contentType + "\n" + size + "\n" + expires);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
