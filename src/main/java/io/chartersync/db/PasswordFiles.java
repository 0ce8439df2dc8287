package io.chartersync.db;

import io.chartersync.common.SecretFiles;
import io.chartersync.common.TokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded database's passwords, one 256-bit random value per file under {@code DATA_DIR/secrets/} (mode
 * 0600), named {@code postgres-*} so that backups can leave them out. Written once, by whoever comes first.
 */
final class PasswordFiles {
    static final String SUPERUSER = "postgres-superuser-password";
    static final String OWNER = "postgres-owner-password";
    static final String SERVING = "postgres-app-password";

    private final Path directory;
    private final TokenGenerator random;

    PasswordFiles(Path directory, TokenGenerator random) {
        this.directory = directory;
        this.random = random;
    }

    Path path(String name) {
        return directory.resolve(name);
    }

    boolean exists(String name) {
        return Files.exists(path(name));
    }

    /** The password stored under {@code name}; a new one when there is none yet. */
    String readOrCreate(String name) {
        Path file = path(name);
        try {
            SecretFiles.writeIfAbsent(file, random.token256() + "\n");
            return read(name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create " + file, e);
        }
    }

    /** The password stored under {@code name}, which must exist. */
    String read(String name) {
        Path file = path(name);
        try {
            String value = Files.readString(file).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException(file + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
