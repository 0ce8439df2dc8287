package io.chartersync.app;

import io.chartersync.audit.AuditEntry;
import io.chartersync.common.Hashes;
import io.chartersync.common.SecretFiles;
import io.chartersync.common.TokenGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crew-service keys a server accepts, and their rotation. Given {@code SERVICE_KEY_HASH} (production)
 * they are that list, fixed for the process; a rotation only says what to set. Otherwise (embedded) {@code
 * DATA_DIR/secrets/service-key-hashes} holds them, newest first, and {@code service-key} the newest raw key;
 * a rotation rewrites both and a running server reads the list again on its next request.
 */
final class ServiceKeys {
    static final String HASHES_FILE = "service-key-hashes";
    private static final Logger log = LoggerFactory.getLogger(ServiceKeys.class);

    private ServiceKeys() {}

    /** What a server checks keys against; in embedded mode makes the key (first start) and the hashes file. */
    static Supplier<List<String>> accepted(AppConfig config, Path dir, TokenGenerator random) {
        List<String> given = config.keys().serviceKeyHashes();
        if (!given.isEmpty()) {
            return () -> given;
        }
        String current = Hashes.sha256Hex(Secrets.readOrCreate(dir, Secrets.SERVICE_KEY_FILE, random));
        Path file = dir.resolve(HASHES_FILE);
        if (!Files.exists(file)) {
            HashesFile.write(file, List.of(current));
        } else if (!HashesFile.read(file).contains(current)) {
            log.warn(
                    "{} holds a key that {} does not accept: accepting that key alone", Secrets.SERVICE_KEY_FILE, file);
            HashesFile.write(file, List.of(current));
        }
        return new HashesFile(file);
    }

    /**
     * A change of the accepted keys: {@code newKey} (a rotation), the hashes accepted after it (newest first),
     * those it retires, and where it is stored ({@code DATA_DIR/secrets}, or nowhere when the environment
     * holds the hashes).
     */
    record Change(Optional<String> newKey, List<String> accepted, List<String> retired, Optional<Path> directory) {
        Change {
            accepted = List.copyOf(accepted);
            retired = List.copyOf(retired);
        }

        boolean changesAnything() {
            return newKey.isPresent() || !retired.isEmpty();
        }

        /** Writes the hashes first, then the key: a server starting in between still accepts the old key. */
        void apply() {
            directory.ifPresent(dir -> {
                HashesFile.write(dir.resolve(HASHES_FILE), accepted);
                newKey.ifPresent(key -> SecretFiles.replace(dir.resolve(Secrets.SERVICE_KEY_FILE), key + "\n"));
            });
        }

        /** The variable production mode takes for the same set of keys. */
        String variable() {
            return "SERVICE_KEY_HASH=" + String.join(",", accepted);
        }

        AuditEntry audit(String actor) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put(
                    "accepted", accepted.stream().map(ServiceKeys::fingerprint).toList());
            if (!retired.isEmpty()) {
                details.put(
                        "retired",
                        retired.stream().map(ServiceKeys::fingerprint).toList());
            }
            details.put("stored", directory.isPresent() ? "data directory" : "environment (SERVICE_KEY_HASH)");
            return new AuditEntry(
                    actor, newKey.isPresent() ? "key.rotated" : "key.retired", "key:service-key", details);
        }
    }

    /** A new 256-bit key, accepted together with every key accepted now. */
    static Change rotate(AppConfig config, TokenGenerator random) {
        String key = random.token256();
        List<String> accepted = new ArrayList<>();
        accepted.add(Hashes.sha256Hex(key));
        accepted.addAll(current(config));
        return new Change(Optional.of(key), accepted, List.of(), storage(config));
    }

    /** Only the newest key stays accepted. */
    static Change retire(AppConfig config) {
        List<String> current = current(config);
        return current.size() <= 1
                ? new Change(Optional.empty(), current, List.of(), storage(config))
                : new Change(
                        Optional.empty(), current.subList(0, 1), current.subList(1, current.size()), storage(config));
    }

    private static List<String> current(AppConfig config) {
        if (!config.keys().serviceKeyHashes().isEmpty()) {
            return config.keys().serviceKeyHashes();
        }
        Path dir = Secrets.directory(config);
        Path file = dir.resolve(HASHES_FILE);
        if (Files.exists(file)) {
            return HashesFile.read(file);
        }
        return Secrets.stored(config.dataDir(), Secrets.SERVICE_KEY_FILE)
                .map(raw -> List.of(Hashes.sha256Hex(raw)))
                .orElse(List.of());
    }

    private static Optional<Path> storage(AppConfig config) {
        return config.keys().serviceKeyHashes().isEmpty() ? Optional.of(Secrets.directory(config)) : Optional.empty();
    }

    /** The first 12 hex digits of a key's hash: enough to tell keys apart in the log, nothing to guess from. */
    static String fingerprint(String hash) {
        return hash.substring(0, 12);
    }
}
