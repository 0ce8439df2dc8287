package io.chartersync.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded PostgreSQL of a child process outlives it when the child is killed (pg_ctl detaches the
 * server), and it is no descendant of the child. Tests find it by its {@code postmaster.pid}.
 */
public final class OrphanPostgres {
    private OrphanPostgres() {}

    /** The running PostgreSQL server whose data directory is {@code pgDir}, if any. */
    public static Optional<ProcessHandle> running(Path pgDir) {
        Path pidFile = pgDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stops that server if it runs: politely first, then by force. */
    public static void stop(Path pgDir) {
        running(pgDir).ifPresent(server -> {
            server.destroy();
            try {
                server.onExit().get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                server.destroyForcibly();
            }
        });
    }
}
