package io.chartersync.guestpage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The guest page's one script (progressive enhancement of the photo form: upload straight to storage
 * with a progress bar, no reload), inlined in the page and allowed by its SHA-256 in the page's CSP.
 */
final class GuestScript {
    private static final String TEXT = load();
    private static final String HASH = "'sha256-" + sha256Base64(TEXT) + "'";

    private GuestScript() {}

    static String text() {
        return TEXT;
    }

    /** The CSP source that allows exactly this script. */
    static String cspHash() {
        return HASH;
    }

    private static String load() {
        try (InputStream in = GuestScript.class.getResourceAsStream("/guestpage/upload.js")) {
            if (in == null) {
                throw new IllegalStateException("guestpage/upload.js is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Base64(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
