package io.chartersync.common;

import java.security.SecureRandom;
import java.util.Base64;

/** The source of randomness for tokens, keys and slugs; injected so tests can pin it. */
public interface TokenGenerator {

    /** A 256-bit random value, base64url without padding (43 characters). */
    String token256();

    /** {@code length} random characters from {@code [a-z0-9]}. */
    String lowerAlphanumeric(int length);

    static TokenGenerator secure() {
        SecureRandom random = new SecureRandom();
        return new TokenGenerator() {
            @Override
            public String token256() {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }

            @Override
            public String lowerAlphanumeric(int length) {
                String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
                StringBuilder out = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    out.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return out.toString();
            }
        };
    }
}
