package io.chartersync.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's data directory as a place a program owns: a private directory (0700), an OS file
 * lock on {@code epg-lock} held by the running program, and the PostgreSQL of a killed program found by its
 * {@code postmaster.pid} and stopped.
 */
final class DataDirectory {
    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    static final String LOCK_FILE = "epg-lock";

    private DataDirectory() {}

    /** The lock a program holds on its data directory while it runs. */
    record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                log.warn("Could not release the lock of the embedded database: {}", e.toString());
            }
        }
    }

    static EmbeddedDatabase.DataDirectoryInUse inUse(Path directory) {
        return new EmbeddedDatabase.DataDirectoryInUse("the embedded database in " + directory
                + " is in use by a running Charter Sync; stop it first, or use another --data directory");
    }

    static Lock lock(Path directory) throws IOException {
        FileChannel channel =
                FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(directory);
            }
            return new Lock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new EmbeddedDatabase.DataDirectoryInUse(
                    "the embedded database in " + directory + " is already open in this program");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    static void createPrivate(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    /**
     * True while a program runs on the data directory: it holds an OS file lock on {@code epg-lock} for its
     * whole life, and the operating system releases it when that program dies (even by kill -9). A
     * PostgreSQL without that lock is an orphan.
     */
    static boolean heldByRunningProgram(Path directory) throws IOException {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException thisJvmHoldsIt) {
            return true;
        }
    }

    /** The port of the embedded server of {@code directory}, if a program runs it (for command-line tools). */
    static Optional<Integer> runningPort(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!heldByRunningProgram(directory) || !Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .isPresent();
        return alive ? Optional.of(Integer.parseInt(lines.get(3).strip())) : Optional.empty();
    }

    static void stopOrphan(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        } catch (RuntimeException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        boolean isPostgres = process.flatMap(p -> p.info().command())
                .map(c -> c.contains("postgres"))
                .orElse(false);
        if (process.isEmpty() || !isPostgres) {
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier process", pid, directory);
        process.get().destroy();
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
    }
}
