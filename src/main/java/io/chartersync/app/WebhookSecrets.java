package io.chartersync.app;

import io.chartersync.audit.AuditEntry;
import io.chartersync.common.Hashes;
import io.chartersync.common.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing secrets of signed webhooks, by source: {@code WEBHOOK_SECRETS} ({@code source=whsec_…},
 * comma-separated, a source named several times during a rotation), plus in embedded mode the file {@code
 * DATA_DIR/secrets/webhook-secrets} (one {@code source=whsec_…} a line) that {@code keys webhook-secret}
 * writes. A secret is {@code whsec_} and the base64 of 24 to 64 random bytes (as the Standard Webhooks spec
 * says). A malformed entry stops the start, named by its position and source, never by its value.
 */
final class WebhookSecrets {
    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
    static final String VARIABLE = "WEBHOOK_SECRETS";
    static final String FILE = "webhook-secrets";
    static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    /** How many random bytes a secret made here has. */
    static final int NEW_BYTES = 32;
    /** As a booking's {@code source} (booking/BookingParser): the path's source is the bookings' source. */
    static final Pattern SOURCE = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,39}$");

    private WebhookSecrets() {}

    /**
     * The secrets of {@code text} (entries separated by commas or line breaks; empty ones skipped), by source
     * in the order given; {@code origin} names the setting or file in the {@link ConfigException}.
     */
    static Map<String, List<String>> parse(String text, String origin) {
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        String[] entries = text.split("[,\\n]");
        int position = 0;
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            position++;
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(origin + ": entry " + position
                        + " has no '=': write source=whsec_… (e.g. fareharbor=whsec_…), entries separated by commas");
            }
            String source = entry.substring(0, eq).strip();
            String secret = entry.substring(eq + 1).strip();
            if (!SOURCE.matcher(source).matches()) {
                throw new ConfigException(origin + ": entry " + position + " does not start with a source name"
                        + " (lowercase letters, digits, '-' or '_', at most 40) before its '='");
            }
            String problem = problem(secret);
            if (!problem.isEmpty()) {
                throw new ConfigException(
                        origin + ": the secret of entry " + position + " (source " + source + ") " + problem);
            }
            List<String> secrets = bySource.computeIfAbsent(source, s -> new ArrayList<>());
            if (!secrets.contains(secret)) {
                secrets.add(secret);
            }
        }
        bySource.replaceAll((source, secrets) -> List.copyOf(secrets));
        return bySource;
    }

    /** What is wrong with a secret, or empty: never its value. */
    private static String problem(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return "does not start with " + PREFIX + " (a Standard Webhooks secret: " + PREFIX + " and base64)";
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return "is not base64 after " + PREFIX;
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            return "decodes to " + key.length + " bytes; a secret has " + MIN_BYTES + " to " + MAX_BYTES
                    + " random bytes (make one: ./charter-sync keys webhook-secret SOURCE, or " + PREFIX
                    + "$(openssl rand -base64 32))";
        }
        return "";
    }

    /** Every source's secrets: {@code WEBHOOK_SECRETS}, then (embedded mode) those of the data directory. */
    static Map<String, List<String>> all(AppConfig config) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        config.webhooks().secrets().forEach((source, secrets) -> all.put(source, new ArrayList<>(secrets)));
        if (!config.production()) {
            stored(file(config)).forEach((source, secrets) -> {
                List<String> list = all.computeIfAbsent(source, s -> new ArrayList<>());
                secrets.stream().filter(s -> !list.contains(s)).forEach(list::add);
            });
        }
        all.replaceAll((source, secrets) -> List.copyOf(secrets));
        return Map.copyOf(all);
    }

    /**
     * {@link #all} as the server asks it at each delivery: read again when the data directory's file changed, so a secret made by {@code keys webhook-secret} is accepted, and a
     * retired one refused, without a restart. A file that cannot be read any more (edited by hand into
     * something malformed) keeps the secrets last read, and says so in the log (never a secret). In
     * production mode the secrets are {@code WEBHOOK_SECRETS}, fixed for the program's life.
     */
    static Supplier<Map<String, List<String>>> live(AppConfig config) {
        Map<String, List<String>> atStart = all(config);
        if (config.production()) {
            return () -> atStart;
        }
        Path file = file(config);
        record Read(String stamp, Map<String, List<String>> secrets) {}
        AtomicReference<Read> last = new AtomicReference<>(new Read(stamp(file), atStart));
        return () -> {
            Read read = last.get();
            String now = stamp(file);
            if (now.equals(read.stamp())) {
                return read.secrets();
            }
            try {
                Read fresh = new Read(now, all(config));
                last.set(fresh);
                return fresh.secrets();
            } catch (RuntimeException e) {
                log.warn(
                        "{} could not be read again ({}); the webhook secrets read before stay",
                        file,
                        e.getClass().getSimpleName());
                last.set(new Read(now, read.secrets()));
                return read.secrets();
            }
        };
    }

    /** The file's text (a few lines, read at each delivery: cheaper than any doubt), or "none". */
    private static String stamp(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "none";
        }
    }

    static Path file(AppConfig config) {
        return Secrets.directory(config).resolve(FILE);
    }

    /** The secrets kept in {@code file}, none when there is no file. */
    static Map<String, List<String>> stored(Path file) {
        try {
            if (!Files.exists(file)) {
                return Map.of();
            }
            String text = String.join(
                    "\n",
                    Files.readAllLines(file).stream()
                            .filter(line -> !line.strip().startsWith("#"))
                            .toList());
            return parse(text, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /**
     * A change of {@code source}'s secrets, planned and not yet written: the secret made (empty for a
     * retirement), how many older ones stay or go, and the whole file as it will be.
     */
    record Change(
            Path file,
            String source,
            Optional<String> secret,
            int kept,
            int dropped,
            List<String> accepted,
            List<String> retired,
            Map<String, List<String>> secrets) {

        /** Writes the file (mode 0600). */
        void apply() {
            write(file, secrets);
        }

        /**
         * The audit log's entry (a key rotation): the source and the fingerprints (the first 12 hex digits of
         * each secret's SHA-256) of the secrets accepted and retired, never a secret.
         */
        AuditEntry audit(String actor) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put(
                    "accepted",
                    accepted.stream().map(WebhookSecrets::fingerprint).toList());
            if (!retired.isEmpty()) {
                details.put(
                        "retired",
                        retired.stream().map(WebhookSecrets::fingerprint).toList());
            }
            details.put("stored", "data directory");
            return new AuditEntry(
                    actor, secret.isPresent() ? "key.rotated" : "key.retired", "key:webhook-secret:" + source, details);
        }
    }

    /**
     * Plans a new secret for {@code source}, kept after that source's older secrets, or instead of them when
     * {@code replace}; {@link Change#apply()} writes it.
     */
    static Change add(Path file, String source, boolean replace, SecureRandom random) {
        requireSource(source);
        byte[] key = new byte[NEW_BYTES];
        random.nextBytes(key);
        String secret = PREFIX + Base64.getEncoder().encodeToString(key);
        Map<String, List<String>> secrets = new LinkedHashMap<>(stored(file));
        List<String> older = secrets.getOrDefault(source, List.of());
        List<String> now = new ArrayList<>(replace ? List.of() : older);
        now.add(secret);
        secrets.put(source, now);
        return new Change(
                file,
                source,
                Optional.of(secret),
                replace ? 0 : older.size(),
                replace ? older.size() : 0,
                List.copyOf(now),
                replace ? older : List.of(),
                secrets);
    }

    /** Plans keeping only the newest secret of {@code source}: the end of a rotation. */
    static Change retire(Path file, String source) {
        requireSource(source);
        Map<String, List<String>> secrets = new LinkedHashMap<>(stored(file));
        List<String> all = secrets.getOrDefault(source, List.of());
        if (all.isEmpty()) {
            throw new CommandFailure("no webhook secret of " + source + " is kept in " + file + ": nothing to retire");
        }
        secrets.put(source, List.of(all.getLast()));
        return new Change(
                file,
                source,
                Optional.empty(),
                1,
                all.size() - 1,
                List.of(all.getLast()),
                all.subList(0, all.size() - 1),
                secrets);
    }

    /** The first 12 hex digits of the secret's SHA-256: names it in the audit log without giving it away. */
    static String fingerprint(String secret) {
        return Hashes.sha256Hex(secret).substring(0, 12);
    }

    private static void requireSource(String source) {
        if (!SOURCE.matcher(source).matches()) {
            throw new CommandFailure("the source '" + source + "' is not a source name: lowercase letters, digits,"
                    + " '-' or '_', at most 40 (the bookings' source, e.g. fareharbor)");
        }
    }

    private static void write(Path file, Map<String, List<String>> secrets) {
        StringBuilder text =
                new StringBuilder("# Signing secrets of signed webhooks (POST /webhooks/SOURCE): source=whsec_… a line;"
                        + " made by ./charter-sync keys webhook-secret\n");
        secrets.forEach((s, list) ->
                list.forEach(value -> text.append(s).append('=').append(value).append('\n')));
        SecretFiles.replace(file, text.toString());
    }
}
