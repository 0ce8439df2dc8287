package io.chartersync.common;

import java.util.Base64;
import java.util.UUID;

/**
 * Derives a magic-link token from its link id under a server secret. The database keeps only the link
 * id and the token's SHA-256, so a copy of the database opens no crew page; whoever holds the secret
 * (mail delivery) can derive the token again when it writes the email.
 */
public final class LinkTokens {
    private final byte[] secret;

    public LinkTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the link signing secret must have at least 256 bits");
        }
        this.secret = secret.clone();
    }

    /** The 256-bit token of a link, base64url without padding. */
    public String tokenFor(UUID linkId) {
        return derive("magic-link", linkId);
    }

    /** A 256-bit token for {@code id} in one {@code purpose} (so a feed id never yields a link token). */
    public String derive(String purpose, UUID id) {
        byte[] mac = Hashes.hmacSha256(secret, purpose + ":" + id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** A 256-bit token for {@code value} in one {@code purpose}, e.g. a crew page's CSRF token. */
    public String derive(String purpose, String value) {
        byte[] mac = Hashes.hmacSha256(secret, purpose + ":" + value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** What the database stores for a token. */
    public static String hashOf(String token) {
        return Hashes.sha256Hex(token);
    }
}
