package io.chartersync.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files of {@code DATA_DIR/secrets/}: the folder mode 0700 (an existing one is tightened), each file mode 0600
 * from its first byte, written in one step so a reader sees the whole old text or the whole new one.
 */
public final class SecretFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private SecretFiles() {}

    /**
     * Writes {@code text} to {@code path} unless the file exists; answers whether this call wrote it. When
     * processes race, the first one's file stays and the others use it.
     */
    public static boolean writeIfAbsent(Path path, String text) throws IOException {
        if (Files.exists(path)) {
            return false;
        }
        Path tmp = temporaryBeside(path);
        try {
            Files.writeString(tmp, text);
            Files.createLink(path, tmp);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Replaces {@code path} with {@code text} in one step. */
    public static void replace(Path path, String text) {
        try {
            Path tmp = temporaryBeside(path);
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

    private static Path temporaryBeside(Path path) throws IOException {
        Path folder = path.getParent();
        createFolder(folder);
        return Files.createTempFile(
                folder, "." + path.getFileName(), ".part", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
    }

    /** The secrets folder, mode 0700: nobody else may list it or open its files. */
    public static void createFolder(Path folder) throws IOException {
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        if (!Files.getPosixFilePermissions(folder).equals(OWNER_ONLY_FOLDER)) {
            // A folder of an earlier release (0755), or made by hand.
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
        }
    }
}
