package io.chartersync.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Replacing a file of {@code DATA_DIR/secrets/} in one step, mode 0600: a reader sees the old or the new text. */
final class SecretFiles {
    private SecretFiles() {}

    static void replace(Path path, String text) {
        Path dir = path.getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(
                    dir,
                    "." + path.getFileName(),
                    ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, text);
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }
}
