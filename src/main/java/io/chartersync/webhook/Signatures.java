package io.chartersync.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks v1 signatures, checked here in a few lines of our own rather than with the {@code
 * com.standardwebhooks:standardwebhooks} library (1.1.1), because the library:
 *
 * <ul>
 *   <li>checks the timestamp against {@code System.currentTimeMillis()}, not the program's injected {@link
 *       java.time.Clock}, so the tolerance could not be tested by moving the clock, and the program would
 *       have two ideas of "now";
 *   <li>takes the payload as a {@code String} and signs its UTF-8 encoding, whereas the spec signs the raw
 *       body bytes (a body that is not valid UTF-8 would be verified against other bytes than were sent);
 *   <li>holds one secret per instance (a rotation needs a loop over instances anyway) and answers every
 *       failure with one exception type whose message we would have to parse to tell a stale timestamp from
 *       a bad signature.
 * </ul>
 *
 * What is signed: {@code "{webhook-id}.{webhook-timestamp}."} followed by the raw body, HMAC-SHA256 under the
 * key (the base64 after {@code whsec_}); the {@code webhook-signature} header holds space-separated {@code
 * v1,<base64>} entries, one valid entry for one key suffices, entries of other versions are ignored. The
 * comparison is constant-time ({@link MessageDigest#isEqual}); the tests check it with the spec's own vectors.
 */
final class Signatures {
    /** How far {@code webhook-timestamp} may be from the program's clock, either way. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String HMAC = "HmacSHA256";
    private static final String VERSION = "v1,";

    private Signatures() {}

    /** What a check found; only {@link #VALID} lets a delivery in. */
    enum Verdict {
        VALID,
        INVALID,
        TOO_OLD,
        TOO_NEW
    }

    /**
     * Checks a delivery: its timestamp within {@link #TOLERANCE} of {@code now}, then at least one {@code v1}
     * entry of {@code header} equal to the HMAC of the content under one of {@code keys}.
     */
    static Verdict verify(List<byte[]> keys, String id, String timestamp, String header, byte[] body, Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Verdict.INVALID;
        }
        if (seconds < now.minus(TOLERANCE).getEpochSecond()) {
            return Verdict.TOO_OLD;
        }
        if (seconds > now.plus(TOLERANCE).getEpochSecond()) {
            return Verdict.TOO_NEW;
        }
        List<byte[]> sent = sentSignatures(header);
        for (byte[] key : keys) {
            byte[] expected = hmac(key, id, timestamp, body);
            for (byte[] candidate : sent) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return Verdict.VALID;
                }
            }
        }
        return Verdict.INVALID;
    }

    /** The header's {@code v1} signatures, decoded; entries of other versions or not base64 are left out. */
    private static List<byte[]> sentSignatures(String header) {
        return Arrays.stream(header.split(" "))
                .filter(entry -> entry.startsWith(VERSION))
                .map(entry -> entry.substring(VERSION.length()))
                .flatMap(value -> {
                    try {
                        return Stream.of(Base64.getDecoder().decode(value));
                    } catch (IllegalArgumentException e) {
                        return Stream.empty();
                    }
                })
                .toList();
    }

    /** The {@code v1,<base64>} signature of a delivery, as a sender writes it (the tests sign with it). */
    static String sign(byte[] key, String id, long timestamp, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(hmac(key, id, Long.toString(timestamp), body));
    }

    private static byte[] hmac(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
