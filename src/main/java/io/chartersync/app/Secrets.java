package io.chartersync.app;

import io.chartersync.common.Hashes;
import io.chartersync.common.SecretFiles;
import io.chartersync.common.TokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets the program runs with. Given hashes win; in embedded mode a missing operator token or
 * crew-service key is generated on first start and its raw value written once to {@code
 * DATA_DIR/secrets/} (mode 0600). The crew-service keys are asked for on every request, so a rotation
 * takes effect without a restart (see {@link ServiceKeys}). The link-signing key (magic-link tokens are
 * derived from it) comes from {@code LINK_SIGNING_KEY} or the same directory.
 */
public record Secrets(
        List<String> dashboardTokenHashes,
        Supplier<List<String>> serviceKeyHashes,
        byte[] linkSigningKey,
        Path directory) {
    private static final Logger log = LoggerFactory.getLogger(Secrets.class);
    public static final String DASHBOARD_TOKEN_FILE = "dashboard-token";
    public static final String SERVICE_KEY_FILE = "service-key";
    static final String LINK_KEY_FILE = "link-signing-key";

    public Secrets {
        dashboardTokenHashes = List.copyOf(dashboardTokenHashes);
        linkSigningKey = linkSigningKey.clone();
    }

    static Path directory(AppConfig config) {
        return config.dataDir().resolve("secrets");
    }

    static Secrets resolve(AppConfig config, TokenGenerator random) {
        Path dir = directory(config);
        List<String> dashboard = config.keys().dashboardTokenHashes().isEmpty()
                ? List.of(Hashes.sha256Hex(readOrCreate(dir, DASHBOARD_TOKEN_FILE, random)))
                : config.keys().dashboardTokenHashes();
        Supplier<List<String>> service = ServiceKeys.accepted(config, dir, random);
        Optional<String> linkKey = config.keys().linkSigningKey();
        if (linkKey.isPresent() && linkKey.get().length() < 32) {
            throw new ConfigException("LINK_SIGNING_KEY must be at least 32 characters of random text");
        }
        if (linkKey.isEmpty() && config.production()) {
            log.warn(
                    "LINK_SIGNING_KEY is not set: using {}; every node must share one key, so set it when running several",
                    dir.resolve(LINK_KEY_FILE));
        }
        String key = linkKey.orElseGet(() -> readOrCreate(dir, LINK_KEY_FILE, random));
        return new Secrets(dashboard, service, key.getBytes(StandardCharsets.UTF_8), dir);
    }

    /** The raw value stored in {@code file}, if this program generated it. */
    public static Optional<String> stored(Path dataDir, String file) {
        Path path = dataDir.resolve("secrets").resolve(file);
        try {
            return Files.exists(path) ? Optional.of(Files.readString(path).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    static String readOrCreate(Path dir, String file, TokenGenerator random) {
        Path path = dir.resolve(file);
        try {
            if (SecretFiles.writeIfAbsent(path, random.token256() + "\n")) {
                log.info("Generated {} (keep it secret)", path);
            }
            String value = Files.readString(path).strip();
            if (value.isEmpty()) {
                throw new ConfigException(path + " is empty: delete it to generate a new one");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create " + path, e);
        }
    }
}
