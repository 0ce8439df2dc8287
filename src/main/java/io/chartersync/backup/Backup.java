package io.chartersync.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes one archive: the database as one snapshot, then the data directory's files. Files are copied
 * after the snapshot, so every page, photo and email the database refers to is in the archive (a file newer
 * than the snapshot is harmless: the restored server redoes that work and writes it again). The archive is
 * written to a temporary file of mode 0600 beside the target, flushed to disk, then moved into place, so a
 * reader never sees half an archive, and an existing file is replaced only when asked to.
 */
public final class Backup {
    private Backup() {}

    /** Who writes the archive, for its manifest. */
    public record Origin(String programVersion, boolean embedded, Clock clock) {}

    /**
     * Writes the archive of {@code jdbi}'s database and of {@code folders} of {@code dataDir} to {@code file};
     * refuses an existing {@code file} unless {@code replace}.
     */
    public static Summary write(
            Jdbi jdbi, Path dataDir, Set<Folder> folders, Path file, boolean replace, Origin origin) {
        Path target = file.toAbsolutePath().normalize();
        refuseExisting(target, replace);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(
                    target.getParent(),
                    "." + target.getFileName() + ".",
                    ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Manifest manifest;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                        ArchiveWriter archive = new ArchiveWriter(out)) {
                    DatabaseDump.Snapshot db = DatabaseDump.write(jdbi, archive);
                    for (Folder folder : Folder.values()) {
                        if (folders.contains(folder)) {
                            copyFolder(archive, folder, folder.in(dataDir));
                        }
                    }
                    manifest = new Manifest(
                            Manifest.FORMAT,
                            Manifest.FORMAT_VERSION,
                            origin.programVersion(),
                            db.schemaVersion(),
                            origin.clock().instant(),
                            origin.embedded() ? "embedded" : "external",
                            db.audit(),
                            db.tables(),
                            db.sequences(),
                            archive.entries());
                    archive.finish(manifest);
                }
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                place(tmp, target, replace);
                return Summary.of(target, Files.size(target), manifest, manifest.audit());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    /** Refuses a {@code file} that is a directory, or that exists unless {@code replace}: check before a dump. */
    public static void refuseExisting(Path file, boolean replace) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new BackupException(
                    target + " is a directory: name the archive file, e.g. " + target.resolve("charter-sync.zip"));
        }
        if (Files.exists(target) && !replace) {
            throw new BackupException(target + " exists already: choose another name, or pass --force to replace it");
        }
    }

    /** Every regular file under {@code root} that the folder keeps, in name order; none when it is absent. */
    private static void copyFolder(ArchiveWriter archive, Folder folder, Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && keeps(folder, root, file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // A running server replaces files in one step (a temporary file renamed over the old one):
                // one listed here may be gone before it is read, and was never part of the snapshot.
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        files.sort(null);
        for (Path file : files) {
            try {
                archive.copy(ArchiveNames.of(folder, root, file), file);
            } catch (NoSuchFileException goneMeanwhile) {
                // Deleted by the running server after the walk (a processed upload): not part of the snapshot.
            }
        }
    }

    private static boolean keeps(Folder folder, Path root, Path file) {
        for (Path segment : root.relativize(file)) {
            if (!folder.keeps(segment.toString())) {
                return false;
            }
        }
        return true;
    }

    private static void place(Path tmp, Path target, boolean replace) throws IOException {
        if (replace) {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            try {
                // A link fails if the name exists (a rename would replace it): no overwrite, even in a race.
                Files.createLink(target, tmp);
            } catch (FileAlreadyExistsException e) {
                throw new BackupException(
                        target + " appeared while the backup was written: choose another name, or pass --force");
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                if (Files.exists(target)) {
                    throw new BackupException(target + " appeared while the backup was written: choose another name,"
                            + " or pass --force");
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Not every file system syncs a directory; the archive itself is on disk already.
        }
    }
}
