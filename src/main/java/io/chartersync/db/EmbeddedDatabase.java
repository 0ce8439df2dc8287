package io.chartersync.db;

import io.chartersync.common.TokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 run by the program itself, its data under one directory, kept across restarts, reachable
 * only with a password (see {@link PgHba}, {@link Roles}); the passwords live in the secrets directory
 * ({@link PasswordFiles}). A server left running by a process that was killed (kill -9 leaves PostgreSQL
 * orphaned) is stopped first, so a restart always finds the data directory free; a server whose program is
 * still running is left alone, and the start stops with a message saying so. While the program runs, the
 * server is supervised: if its process dies, it is started again (same port, same data).
 *
 * <p>A data directory of the earlier program (initdb with {@code trust}, everything owned by the superuser,
 * no password) is upgraded at its first start: the superuser gets a password (set in single-user mode,
 * before the server listens), {@code pg_hba.conf} is rewritten and the schema moves to the owner role.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String SUPERUSER = "postgres";
    static final String DATABASE = "postgres";
    private static final String LOG_FILE = "server.log";
    /** sun_path holds 108 bytes with the terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;

    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration RESTART_PAUSE = Duration.ofMillis(250);

    private final Path directory;
    private final PostgresBinaries binaries;
    private final PasswordFiles passwords;
    private final int port;
    private final DataDirectory.Lock lock;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Thread supervisor;
    private volatile Process server;

    private EmbeddedDatabase(
            Path directory, PostgresBinaries binaries, PasswordFiles passwords, int port, DataDirectory.Lock lock) {
        this.directory = directory;
        this.binaries = binaries;
        this.passwords = passwords;
        this.port = port;
        this.lock = lock;
        this.supervisor =
                Thread.ofPlatform().daemon().name("postgres-supervisor").unstarted(this::supervise);
    }

    /** Starts the server of {@code directory}, its passwords under {@code secrets}. */
    static EmbeddedDatabase start(Path directory, Path secrets) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            DataDirectory.createPrivate(dir);
            if (DataDirectory.heldByRunningProgram(dir)) {
                throw DataDirectory.inUse(dir);
            }
            DataDirectory.stopOrphan(dir);
            PostgresBinaries binaries = PostgresBinaries.unpacked();
            PasswordFiles passwords = new PasswordFiles(secrets, TokenGenerator.secure());
            ServerCommands commands = new ServerCommands(binaries, dir);
            if (!Files.exists(dir.resolve("PG_VERSION"))) {
                Files.deleteIfExists(dir.resolve(DataDirectory.LOCK_FILE));
                passwords.readOrCreate(PasswordFiles.SUPERUSER);
                commands.initdb(passwords.path(PasswordFiles.SUPERUSER));
            } else if (!passwords.exists(PasswordFiles.SUPERUSER)) {
                log.info("Securing the embedded database in {}: passwords, no trust, an owner role", dir);
                commands.setSuperuserPassword(passwords.readOrCreate(PasswordFiles.SUPERUSER));
            }
            PgHba.write(dir);
            DataDirectory.Lock lock = DataDirectory.lock(dir);
            EmbeddedDatabase db;
            try {
                db = new EmbeddedDatabase(dir, binaries, passwords, freePort(), lock);
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
            try {
                db.startFirstTime(commands);
                return db;
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private void startFirstTime(ServerCommands commands) {
        try {
            startServer();
        } catch (WrongSuperuserPassword e) {
            // The secrets directory and the data directory disagree (a restored or hand-copied directory):
            // the file is the truth.
            log.warn(
                    "The superuser password in {} did not match the embedded database's: setting it again",
                    passwords.path(PasswordFiles.SUPERUSER));
            stopServer();
            commands.setSuperuserPassword(passwords.read(PasswordFiles.SUPERUSER));
            startServer();
        }
        try (Connection c = connect(SUPERUSER, passwords.read(PasswordFiles.SUPERUSER))) {
            Roles.prepare(
                    c, passwords.readOrCreate(PasswordFiles.OWNER), passwords.readOrCreate(PasswordFiles.SERVING));
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the roles of the embedded database", e);
        }
        supervisor.start();
    }

    /** The role that owns the schema and runs the migrations. */
    JdbcUrl owner() {
        return login(Roles.OWNER, passwords.read(PasswordFiles.OWNER));
    }

    /** The role the program serves as: rows only. */
    JdbcUrl serving() {
        return login(Roles.SERVING, passwords.read(PasswordFiles.SERVING));
    }

    private JdbcUrl login(String user, String password) {
        return new JdbcUrl(jdbcUrl(port), Optional.of(user), Optional.of(password));
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private synchronized void startServer() {
        if (closing.get()) {
            throw new IllegalStateException("the embedded database is closing");
        }
        Path logFile = directory.resolve(LOG_FILE);
        keepSmall(logFile);
        ProcessBuilder builder = new ProcessBuilder(binaries.server(serverArguments()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run PostgreSQL", e);
        }
        awaitReady(server, logFile);
    }

    private List<String> serverArguments() {
        return List.of(
                "-D", directory.toString(),
                "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c",
                        "unix_socket_directories="
                                + socketDirectory(directory, port).orElse(""),
                "-c", "unix_socket_permissions=0700",
                "-c", "password_encryption=scram-sha-256",
                "-c", "max_connections=200",
                "-c", "timezone=UTC",
                // The embedded server is the system of record: an accepted booking must survive a power cut.
                "-c", "fsync=on",
                "-c", "synchronous_commit=on",
                // After a crash, flush the file system once (syncfs) instead of fsyncing every file of the
                // data directory one by one: the restart after a kill takes about a second, not several.
                "-c", "recovery_init_sync_method=syncfs");
    }

    /**
     * The data directory itself, unless the socket's path would pass the operating system's limit (107
     * bytes) or cannot be written in the setting: then no socket, TCP on 127.0.0.1 only.
     */
    static Optional<String> socketDirectory(Path directory, int port) {
        String dir = directory.toString();
        int length = (dir + "/.s.PGSQL." + port).getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_SOCKET_PATH || dir.contains(",") || dir.contains("\"")) {
            return Optional.empty();
        }
        return Optional.of("\"" + dir + "\"");
    }

    private void awaitReady(Process process, Path logFile) {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        String password = passwords.read(PasswordFiles.SUPERUSER);
        while (true) {
            if (closing.get()) {
                process.destroyForcibly();
                throw new IllegalStateException("the embedded database is closing");
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL stopped while starting (exit code " + process.exitValue()
                        + "); the end of " + logFile + ":\n" + tail(logFile));
            }
            try (Connection c = connect(SUPERUSER, password)) {
                if (c.isValid(2)) {
                    return;
                }
            } catch (SQLException e) {
                if ("28P01".equals(e.getSQLState())) {
                    throw new WrongSuperuserPassword();
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("PostgreSQL did not accept connections within " + START_WAIT, e);
                }
            }
            sleep(Duration.ofMillis(50));
        }
    }

    private Connection connect(String user, String password) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(jdbcUrl(port), properties);
    }

    /** Waits for the server to die, and starts it again, until the program closes the database. */
    private void supervise() {
        while (!closing.get()) {
            Process current = server;
            try {
                current.waitFor();
            } catch (InterruptedException e) {
                return;
            }
            if (closing.get()) {
                return;
            }
            long died = System.nanoTime();
            log.warn(
                    "The embedded PostgreSQL (pid {}) stopped unexpectedly (exit code {}): starting it again",
                    current.pid(),
                    current.exitValue());
            while (!closing.get()) {
                try {
                    startServer();
                    log.warn(
                            "The embedded PostgreSQL is back (pid {}), {} ms after it stopped",
                            server.pid(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - died));
                    break;
                } catch (RuntimeException e) {
                    // Its orphaned backends may still hold the shared memory for a moment.
                    log.debug("PostgreSQL did not start again yet: {}", e.getMessage());
                    if (!sleep(RESTART_PAUSE)) {
                        return;
                    }
                }
            }
        }
    }

    private synchronized void stopServer() {
        Process current = server;
        if (current == null || !current.isAlive()) {
            return;
        }
        try {
            Process stop = new ProcessBuilder(binaries.command(
                            "pg_ctl", List.of("stop", "-D", directory.toString(), "-m", "fast", "-w", "-t", "30")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            stop.waitFor(40, TimeUnit.SECONDS);
            if (!current.waitFor(10, TimeUnit.SECONDS)) {
                log.warn("The embedded PostgreSQL did not stop in time: killing it");
                current.destroyForcibly();
                current.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            log.warn("Could not run pg_ctl to stop the embedded PostgreSQL: {}", e.toString());
            current.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Past 10 MB the server's log starts again, the previous one kept as {@code server.log.1}. */
    private static void keepSmall(Path logFile) {
        try {
            if (Files.exists(logFile) && Files.size(logFile) > 10L * 1024 * 1024) {
                Files.move(
                        logFile,
                        logFile.resolveSibling(LOG_FILE + ".1"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("Could not rotate {}: {}", logFile, e.toString());
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The data directory belongs to a program that is still running. */
    public static final class DataDirectoryInUse extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DataDirectoryInUse(String message) {
            super(message);
        }
    }

    /** The superuser password of the secrets directory is not the data directory's. */
    private static final class WrongSuperuserPassword extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongSuperuserPassword() {
            super("the superuser password was refused");
        }
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        supervisor.interrupt();
        stopServer();
        lock.close();
    }
}
