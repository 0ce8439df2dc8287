package io.chartersync.common;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and HMAC helpers; comparisons of secrets are constant-time. */
public final class Hashes {
    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {}

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String sha256Hex(String input) {
        return HEX.formatHex(sha256(input.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha256Hex(byte[] input) {
        return HEX.formatHex(sha256(input));
    }

    public static byte[] hmacSha256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * True when the SHA-256 of {@code presented} equals one of {@code hexHashes}. Every hash is compared,
     * each in constant time, so the answer's timing does not tell which hash (if any) matched.
     */
    public static boolean matchesAny(String presented, List<String> hexHashes) {
        byte[] candidate = sha256(presented.getBytes(StandardCharsets.UTF_8));
        boolean matched = false;
        for (String hex : hexHashes) {
            byte[] expected = HEX.parseHex(hex);
            matched |= MessageDigest.isEqual(candidate, expected);
        }
        return matched;
    }

    public static boolean isSha256Hex(String value) {
        return value.matches("[0-9a-fA-F]{64}");
    }
}
