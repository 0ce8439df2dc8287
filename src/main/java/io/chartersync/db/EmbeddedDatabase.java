package io.chartersync.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 run by the program itself, its data under one directory, kept across restarts. A server
 * left running by a process that was killed (kill -9 leaves PostgreSQL orphaned) is stopped first, so a
 * restart always finds the data directory free; a server whose program is still running is left alone,
 * and the start stops with a message saying so.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path directory) {
        try {
            Files.createDirectories(directory);
            stopOrphan(directory);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // No shutdown hook of its own: on SIGTERM it would stop PostgreSQL at once, under the
                    // requests and tasks still finishing; Application.close stops it last.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    // The embedded server is the system of record: zonky's test defaults turn off fsync and
                    // synchronous commit; an accepted booking must survive a power cut, so both are on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new EmbeddedDatabase(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    JdbcUrl jdbcUrl() {
        return new JdbcUrl(postgres.getJdbcUrl("postgres", "postgres"), Optional.empty(), Optional.empty());
    }

    private static void stopOrphan(Path directory) throws IOException {
        if (heldByRunningProgram(directory)) {
            throw new DataDirectoryInUse("the embedded database in " + directory + " is in use by a running Charter"
                    + " Sync; stop it first, or use another --data directory");
        }
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

    /** The JDBC URL of the embedded server of {@code directory}, if one is running (for command-line tools). */
    static Optional<String> runningUrl(Path directory) throws IOException {
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
        return alive
                ? Optional.of("jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres?user=postgres")
                : Optional.empty();
    }

    /**
     * True while a program runs on the data directory: zonky holds an OS file lock on {@code epg-lock} for
     * the owning JVM's whole life, and the operating system releases it when that JVM dies (even by
     * kill -9). A PostgreSQL without that lock is an orphan.
     */
    static boolean heldByRunningProgram(Path directory) throws IOException {
        Path lockFile = directory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException thisJvmHoldsIt) {
            return true;
        }
    }

    /** The data directory belongs to a program that is still running. */
    public static final class DataDirectoryInUse extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DataDirectoryInUse(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
