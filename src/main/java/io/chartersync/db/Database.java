package io.chartersync.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.chartersync.common.TokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The connection pool, Jdbi and (in embedded mode) the PostgreSQL server under it. Embedded, the program
 * serves as a role that may only read and write rows ({@link Roles}); the migrations run as the schema's
 * owner. While the database is unreachable a connection is refused within {@link #CONNECTION_TIMEOUT} (so a
 * request can answer 503 quickly), and the pool connects again by itself once it is back.
 */
public final class Database implements AutoCloseable {
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(1);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final JdbcUrl owner;
    private final boolean separateOwner;
    private final Optional<EmbeddedDatabase> embedded;
    private final ExecutorService readiness = Executors.newVirtualThreadPerTaskExecutor();
    private HikariDataSource ownerPool;
    private Jdbi ownerJdbi;

    private Database(
            HikariDataSource dataSource, JdbcUrl owner, boolean separateOwner, Optional<EmbeddedDatabase> embedded) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.separateOwner = separateOwner;
        this.embedded = embedded;
        this.jdbi = jdbi(dataSource);
    }

    /** Connects to {@code url} (jdbc:postgresql:// or postgres://user:pass@host/db) and migrates it. */
    public static Database external(String url, int poolSize) {
        JdbcUrl login = JdbcUrl.parse(url);
        HikariDataSource ds = pool(login, poolSize, "charter-sync");
        try {
            migrate(Flyway.configure().dataSource(ds));
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, login, false, Optional.empty());
    }

    /**
     * Starts (or reattaches to) the embedded PostgreSQL under {@code directory} and migrates it; its passwords
     * are in the {@code secrets} directory beside it ({@code DATA_DIR/secrets} for {@code DATA_DIR/pg}).
     */
    public static Database embedded(Path directory, int poolSize) {
        return embedded(directory, secretsBeside(directory), poolSize);
    }

    /** As {@link #embedded(Path, int)}, with the passwords in {@code secrets}. */
    public static Database embedded(Path directory, Path secrets, int poolSize) {
        EmbeddedDatabase pg = EmbeddedDatabase.start(directory, secrets);
        try {
            return open(pg.serving(), pg.owner(), poolSize, Optional.of(pg));
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /**
     * For command-line tools that read the data: the running server's embedded database if there is one
     * (with the passwords of the secrets directory beside it), otherwise the embedded database started for
     * the tool and stopped when it closes.
     */
    public static Database embeddedForTools(Path directory) {
        try {
            Optional<Integer> port =
                    DataDirectory.runningPort(directory.toAbsolutePath().normalize());
            if (port.isEmpty()) {
                return embedded(directory, 2);
            }
            PasswordFiles passwords = new PasswordFiles(secretsBeside(directory), TokenGenerator.secure());
            String url = EmbeddedDatabase.jdbcUrl(port.get());
            return open(
                    new JdbcUrl(url, Optional.of(Roles.SERVING), Optional.of(passwords.read(PasswordFiles.SERVING))),
                    new JdbcUrl(url, Optional.of(Roles.OWNER), Optional.of(passwords.read(PasswordFiles.OWNER))),
                    2,
                    Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + directory, e);
        }
    }

    private static Path secretsBeside(Path directory) {
        return directory.toAbsolutePath().normalize().resolveSibling("secrets");
    }

    /** Migrates as {@code owner}, grants the serving role its rows, and pools connections as {@code serving}. */
    private static Database open(JdbcUrl serving, JdbcUrl owner, int poolSize, Optional<EmbeddedDatabase> embedded) {
        migrate(Flyway.configure()
                .dataSource(
                        owner.jdbc(),
                        owner.user().orElse(null),
                        owner.password().orElse(null)));
        try (Connection c = connect(owner)) {
            Roles.grantServing(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant the serving role its privileges", e);
        }
        return new Database(pool(serving, poolSize, "charter-sync"), owner, true, embedded);
    }

    private static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway) {
        flyway.locations("classpath:db/migration").load().migrate();
    }

    private static HikariDataSource pool(JdbcUrl login, int poolSize, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(login.jdbc());
        login.user().ifPresent(config::setUsername);
        login.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(name);
        // A dead database answers within seconds, not Hikari's default 30 s; settings in the URL win.
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(1000);
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // PostgreSQL's error detail quotes row values ("Key (x)=(...)", "Failing row contains (...)"): keep it
        // out of exception messages, which end up in logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new HikariDataSource(config);
    }

    private static Connection connect(JdbcUrl login) throws SQLException {
        Properties properties = new Properties();
        login.user().ifPresent(u -> properties.setProperty("user", u));
        login.password().ifPresent(p -> properties.setProperty("password", p));
        return DriverManager.getConnection(login.jdbc(), properties);
    }

    private static Jdbi jdbi(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin()).installPlugin(new WireForms());
        // Plain SQL only: no <attribute> templates, so statements skip the template engine.
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        // A failed statement's message names neither the SQL nor its bound values (a booking body, revenue,
        // contacts): exception messages end up in logs.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
        return jdbi;
    }

    /** Connections as the role the program serves as. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Connections as the role that owns the schema (embedded: {@code charter_owner}; with {@code DATABASE_URL}:
     * its role, the one the program uses anyway). It reads every table and may load rows into all of them,
     * the audit log included (INSERT, never UPDATE or DELETE): for a backup ({@code COPY … TO STDOUT}) and a
     * restore. Opened on first use (a pool of two), closed with this.
     */
    public synchronized DataSource ownerDataSource() {
        if (!separateOwner) {
            return dataSource;
        }
        if (ownerPool == null) {
            ownerPool = pool(owner, 2, "charter-sync-owner");
        }
        return ownerPool;
    }

    /** Jdbi over {@link #ownerDataSource()}. */
    public synchronized Jdbi ownerJdbi() {
        if (!separateOwner) {
            return jdbi;
        }
        if (ownerJdbi == null) {
            ownerJdbi = jdbi(ownerDataSource());
        }
        return ownerJdbi;
    }

    /** True when the database answers a trivial query within a second. */
    public boolean ready() {
        Future<Boolean> check;
        try {
            check = readiness.submit(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return c.isValid((int) READY_TIMEOUT.toSeconds());
                }
            });
        } catch (RejectedExecutionException closed) {
            return false;
        }
        try {
            return check.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            check.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        readiness.shutdownNow();
        if (ownerPool != null) {
            ownerPool.close();
        }
        dataSource.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
