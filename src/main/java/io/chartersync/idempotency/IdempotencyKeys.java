package io.chartersync.idempotency;

import io.chartersync.common.AppException;
import io.chartersync.common.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@code Idempotency-Key} header's rule, and the fingerprint of the request a key is bound to. */
final class IdempotencyKeys {
    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {}

    /**
     * The key of a request that sent {@code values} (every Idempotency-Key header it carried, at least one):
     * exactly one value of 1 to 255 visible ASCII characters (0x21 to 0x7E), else a 400 naming the header.
     */
    static String check(List<String> values) {
        if (values.size() != 1) {
            throw invalid("must be sent once, not " + values.size() + " times");
        }
        String key = values.getFirst();
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw invalid("must be 1 to " + MAX_LENGTH + " characters long, not " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw invalid(
                        "must be visible ASCII characters only (no spaces), but character " + (i + 1) + " is not");
            }
        }
        return key;
    }

    private static AppException.InvalidInput invalid(String detail) {
        return AppException.InvalidInput.of(HEADER, detail);
    }

    /**
     * What a key is bound to: the method, the path and the raw body bytes, hashed. A key sent again with
     * any of them different is a mismatch (422), not a new request.
     */
    static String fingerprint(String method, String path, byte[] body) {
        byte[] head = (method + " " + path + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return Hashes.sha256Hex(all);
    }
}
