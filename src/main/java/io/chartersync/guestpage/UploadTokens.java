package io.chartersync.guestpage;

import io.chartersync.common.LinkTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A guest page's upload token: an HMAC of the slug under the server secret, embedded in the page and good
 * for that page only. Nothing is stored; whether uploads are still open is the page's business.
 */
final class UploadTokens {
    private static final String PURPOSE = "guest-upload";
    private final LinkTokens tokens;

    UploadTokens(LinkTokens tokens) {
        this.tokens = tokens;
    }

    String tokenFor(String slug) {
        return tokens.derive(PURPOSE, slug);
    }

    boolean matches(String slug, String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        tokenFor(slug).getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
