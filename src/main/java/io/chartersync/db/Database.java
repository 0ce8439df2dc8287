package io.chartersync.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.postgres.PostgresPlugin;

/** The connection pool, Jdbi and (in embedded mode) the PostgreSQL server under it. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Optional<EmbeddedDatabase> embedded;

    private Database(HikariDataSource dataSource, Optional<EmbeddedDatabase> embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        // Plain SQL only: no <attribute> templates, so statements skip the template engine.
        this.jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        // A failed statement's message names neither the SQL nor its bound values (a booking body, revenue,
        // contacts): exception messages end up in logs.
        this.jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
    }

    /** Connects to {@code url} (jdbc:postgresql:// or postgres://user:pass@host/db) and migrates it. */
    public static Database external(String url, int poolSize) {
        return open(JdbcUrl.parse(url), poolSize, Optional.empty());
    }

    /** Starts (or reattaches to) the embedded PostgreSQL under {@code directory} and migrates it. */
    public static Database embedded(Path directory, int poolSize) {
        EmbeddedDatabase pg = EmbeddedDatabase.start(directory);
        try {
            return open(pg.jdbcUrl(), poolSize, Optional.of(pg));
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /**
     * For command-line tools that read the data: the running server's embedded database if there is one,
     * otherwise the embedded database started for the tool and stopped when it closes.
     */
    public static Database embeddedForTools(Path directory) {
        try {
            return EmbeddedDatabase.runningUrl(directory)
                    .map(url -> open(JdbcUrl.parse(url), 2, Optional.empty()))
                    .orElseGet(() -> embedded(directory, 2));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not read " + directory, e);
        }
    }

    private static Database open(JdbcUrl url, int poolSize, Optional<EmbeddedDatabase> embedded) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbc());
        url.user().ifPresent(config::setUsername);
        url.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("charter-sync");
        // PostgreSQL's error detail quotes row values ("Key (x)=(...)", "Failing row contains (...)"): keep it
        // out of exception messages, which end up in logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, embedded);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** True when the database answers a trivial query. */
    public boolean ready() {
        try {
            return jdbi.withHandle(
                            h -> h.createQuery("select 1").mapTo(Integer.class).one())
                    == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
