package io.chartersync.console;

import io.chartersync.common.AppException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle, pure Java) in the PHC string format, parameters and salt kept
 * with the hash: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without padding). The
 * parameters are OWASP's first choice (19 MiB, 2 passes, 1 lane); a stored hash is checked with the
 * parameters it carries, so they can be raised later without locking anyone out. Compared in constant time.
 */
final class Passwords {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 1024;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();

    /** Refuses (400, naming {@code field}) a password the console does not accept. */
    static void check(String field, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw AppException.InvalidInput.of(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            throw AppException.InvalidInput.of(field, "must be at most " + MAX_LENGTH + " characters long");
        }
    }

    /** The stored form of {@code password}, with a fresh salt. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} is the one {@code stored} was made from; false for a malformed hash. */
    boolean matches(String password, String stored) {
        Optional<Parsed> parsed = parse(stored);
        if (parsed.isEmpty() || password == null || password.length() > MAX_LENGTH) {
            return false;
        }
        Parsed p = parsed.get();
        byte[] candidate = derive(password, p.salt(), p.memory(), p.iterations(), p.parallelism(), p.hash().length);
        return MessageDigest.isEqual(candidate, p.hash());
    }

    /**
     * Spends the time a check takes when there is no hash to check against (an unknown email), so the
     * answer's timing does not tell whether the email has an account.
     */
    void waste(String password) {
        derive(password == null ? "" : password, new byte[SALT_BYTES], MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    }

    private static byte[] derive(String password, byte[] salt, int memory, int iterations, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(lanes)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private record Parsed(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {}

    private static Optional<Parsed> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] parts = stored.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return Optional.empty();
        }
        try {
            int memory = 0;
            int iterations = 0;
            int parallelism = 0;
            for (String param : parts[3].split(",")) {
                String[] kv = param.split("=", 2);
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> memory = value;
                    case "t" -> iterations = value;
                    case "p" -> parallelism = value;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            // Bounds, so a tampered row cannot make one check take the machine's memory.
            if (memory < 8
                    || memory > 1024 * 1024
                    || iterations < 1
                    || iterations > 16
                    || parallelism < 1
                    || parallelism > 16) {
                return Optional.empty();
            }
            byte[] salt = B64_DECODER.decode(parts[4]);
            byte[] hash = B64_DECODER.decode(parts[5]);
            return hash.length < 16
                    ? Optional.empty()
                    : Optional.of(new Parsed(memory, iterations, parallelism, salt, hash));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
