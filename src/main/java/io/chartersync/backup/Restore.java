package io.chartersync.backup;

import io.chartersync.db.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;

/**
 * Restores an archive into a new or empty data directory: the archive is checked whole first (nothing is
 * created from a damaged one), then its folders are laid out, then the database is created (migrated by the
 * program to its own schema version) and loaded in one transaction, and its audit log checked against the
 * head the archive recorded. If any step fails, what the restore created is removed again.
 */
public final class Restore {
    private Restore() {}

    /**
     * Restores {@code file} into {@code dataDir}; {@code database} opens (creating and migrating) the database
     * to load, once the directory is laid out: the embedded one of {@code dataDir}, or an empty external one.
     */
    public static Summary run(Path file, Path dataDir, Supplier<Database> database) {
        Path target = dataDir.toAbsolutePath().normalize();
        try (ArchiveReader archive = ArchiveReader.open(file)) {
            Manifest manifest = archive.manifest();
            refuseOtherVersion(manifest);
            boolean created = requireEmpty(target);
            try {
                for (Folder folder : Folder.values()) {
                    extract(archive, folder, target);
                }
                Manifest.Audit audit;
                try (Database db = database.get()) {
                    // Loading needs INSERT on every table, UPDATE on scheduled_tasks and setval on the sequences: the
                    // owner role.
                    Jdbi jdbi = db.ownerJdbi();
                    DatabaseLoad.load(jdbi, archive);
                    audit = DatabaseLoad.checkAudit(jdbi, manifest);
                }
                return Summary.of(target, Files.size(file), manifest, audit);
            } catch (IOException e) {
                removeCreated(target, created);
                throw new UncheckedIOException("could not restore into " + target, e);
            } catch (RuntimeException e) {
                removeCreated(target, created);
                throw e;
            }
        }
    }

    private static void refuseOtherVersion(Manifest manifest) {
        MigrationVersion program = Migrations.latest();
        MigrationVersion saved = MigrationVersion.fromVersion(manifest.schemaVersion());
        if (saved.compareTo(program) > 0) {
            throw new BackupException("the archive's database is at schema version " + saved + ", newer than this"
                    + " program's " + program + ": restore it with the program that made it ("
                    + manifest.programVersion() + ") or a newer one");
        }
        if (saved.compareTo(program) < 0) {
            throw new BackupException("the archive's database is at schema version " + saved + ", older than this"
                    + " program's " + program + ": restore it with the program that made it ("
                    + manifest.programVersion() + "), then start this program on that directory once (it migrates)");
        }
    }

    /** Creates the directory, or checks that it is empty; answers whether it was created. */
    private static boolean requireEmpty(Path target) {
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target);
                return true;
            }
            if (!Files.isDirectory(target)) {
                throw new BackupException(target + " is not a directory: restore into a new or empty directory");
            }
            List<String> present;
            try (Stream<Path> entries = Files.list(target)) {
                present = entries.map(p -> p.getFileName().toString())
                        .sorted()
                        .limit(5)
                        .toList();
            }
            if (!present.isEmpty()) {
                throw new BackupException(target + " is not empty (it holds " + String.join(", ", present)
                        + "): restore only into a new or empty directory; nothing was changed");
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("could not use " + target, e);
        }
    }

    private static void extract(ArchiveReader archive, Folder folder, Path target) throws IOException {
        List<String> entries = archive.entries(folder);
        if (entries.isEmpty()) {
            return;
        }
        Path root = folder.in(target);
        if (folder == Folder.SECRETS) {
            Files.createDirectory(
                    root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        for (String name : entries) {
            Path path = target.resolve(name).normalize();
            if (!path.startsWith(root)) {
                throw new BackupException("entry " + name + " would land outside " + root);
            }
            Files.createDirectories(path.getParent());
            try (InputStream in = archive.open(name)) {
                if (folder == Folder.SECRETS) {
                    try (OutputStream out = Channels.newOutputStream(Files.newByteChannel(
                            path,
                            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))))) {
                        in.transferTo(out);
                    }
                } else {
                    Files.copy(in, path);
                }
            }
        }
    }

    /** Removes what the restore put into {@code target} (empty before it), and the directory if it made it. */
    private static void removeCreated(Path target, boolean created) {
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (created || !p.equals(target)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // Leave the rest: the error that stopped the restore is the one to report.
        }
    }
}
