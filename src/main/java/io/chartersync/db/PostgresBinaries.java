package io.chartersync.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 17 programs (initdb, postgres, pg_ctl) that io.zonky ships in a jar, unpacked once into a
 * private cache directory of this user ({@code $XDG_CACHE_HOME/charter-sync} or {@code ~/.cache/charter-sync},
 * mode 0700). Not zonky's shared {@code /tmp/embedded-pg}: a directory every local user may write to is no
 * place to run programs from. The program runs them itself (zonky's own start hard-codes {@code initdb -A
 * trust}). PostgreSQL refuses to run as root; as root the programs run in a user namespace ({@code unshare
 * -U}), as zonky does.
 */
final class PostgresBinaries {
    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private final Path home;
    private final boolean unshare;

    private PostgresBinaries(Path home, boolean unshare) {
        this.home = home;
        this.unshare = unshare;
    }

    private static PostgresBinaries unpacked;

    static synchronized PostgresBinaries unpacked() {
        if (unpacked == null) {
            unpacked = unpack();
        }
        return unpacked;
    }

    private static PostgresBinaries unpack() {
        try {
            byte[] archive;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture())) {
                if (in == null) {
                    throw new IllegalStateException("no bundled PostgreSQL binaries for this system");
                }
                archive = in.readAllBytes();
            }
            Path cache = cacheDirectory();
            Path home = cache.resolve("postgresql-" + sha256(archive).substring(0, 16));
            if (!Files.exists(home.resolve(".complete"))) {
                unpack(archive, cache, home);
            }
            return new PostgresBinaries(home, LinuxUtils.isUnshareAvailable());
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the embedded PostgreSQL", e);
        }
    }

    /** The command line that runs {@code program} (initdb, postgres, pg_ctl) with {@code args}. */
    List<String> command(String program, List<String> args) {
        List<String> command = new ArrayList<>();
        if (unshare) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(home.resolve("bin").resolve(program).toString());
        command.addAll(args);
        return command;
    }

    /**
     * The command line of the server itself: in a session of its own when {@code setsid} exists, so that a
     * Ctrl-C in the terminal reaches the program (which then stops the server in order) and not the server.
     */
    List<String> server(List<String> args) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(command("postgres", args));
        return command;
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    private static Path cacheDirectory() throws IOException {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path cache = base.resolve("charter-sync");
        Files.createDirectories(base);
        try {
            Files.createDirectory(
                    cache, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException exists) {
            // made by an earlier start
        }
        if (!Files.getPosixFilePermissions(cache).equals(PosixFilePermissions.fromString("rwx------"))) {
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        }
        return cache;
    }

    private static void unpack(byte[] archive, Path cache, Path home) throws IOException {
        log.info("Unpacking PostgreSQL into {}", home);
        Path tmp = Files.createTempDirectory(cache, ".unpacking");
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = tmp.resolve(entry.getName()).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    if ((entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/")) {
                        target.toFile().setExecutable(true, true);
                    }
                }
            }
            Files.createFile(tmp.resolve(".complete"));
            try {
                Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException raced) {
                // another process unpacked the same archive first: theirs is as good
                deleteTree(tmp);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
