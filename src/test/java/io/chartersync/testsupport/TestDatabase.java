package io.chartersync.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One embedded PostgreSQL 17 per test JVM (never a mock of our database); {@link #reset()} empties every
 * table between tests. The schema comes from the program's own Flyway migrations, run by the program.
 */
public final class TestDatabase {
    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The URL of another database of the test PostgreSQL, as another login role. */
    public static String jdbcUrl(String database, String user, String password) {
        jdbcUrl();
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database + "?user=" + user + "&password="
                + password;
    }

    /** Runs statements as the superuser, each on its own (autocommit). */
    public static void execute(String... statements) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + String.join("; ", statements), e);
        }
    }

    /**
     * Empties every table of the program, if the schema exists yet. A task of the previous test may still be
     * writing (its program is stopping): PostgreSQL then breaks the deadlock by failing the truncate, which is
     * tried again, up to five times.
     */
    public static void reset() {
        for (int attempt = 1; ; attempt++) {
            try {
                truncateAll();
                return;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw new IllegalStateException("could not reset the test database", e);
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while resetting the test database", e);
                }
            }
        }
    }

    private static void truncateAll() throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement()) {
            // Replica mode skips triggers, the audit log's append-only guard among them (tests only).
            s.execute("set session_replication_role = replica");
            s.execute("""
          do $$ declare tables text; begin
            select string_agg(quote_ident(tablename), ', ') into tables
              from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history';
            if tables is not null then
              execute 'truncate ' || tables;
            end if;
          end $$""");
        }
    }

    /** Runs a query that answers one number. */
    public static long count(String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /**
     * The number of rows of every table of the public schema (Flyway's history aside), the scheduler's
     * and the mail outbox included: equal maps before and after a request mean it stored nothing.
     */
    public static Map<String, Long> rowCounts() {
        List<String> tables = strings("select tablename from pg_tables where schemaname = 'public'"
                + " and tablename <> 'flyway_schema_history' order by tablename");
        if (tables.isEmpty()) {
            return Map.of();
        }
        String sql = String.join(
                " union all ",
                tables.stream()
                        .map(t -> "select '" + t + "', count(*) from " + quoteIdent(t))
                        .toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count rows", e);
        }
        return counts;
    }

    /** Runs a statement (to move time along in the data, say); answers the rows it touched. */
    public static int execute(String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    /** Runs a query that answers one text column, one value a row. */
    public static List<String> strings(String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Every text value of every row of every program table, for scanning for leaks. */
    public static String dump(String table) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement();
                var rs = s.executeQuery("select t::text from " + table + " t")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("dump failed: " + table, e);
        }
    }

    /**
     * Every row of every table of the public schema as text, by table: {@code t::text} of each row, and
     * every {@code bytea} value also decoded as UTF-8 (db-scheduler keeps task data there, where the row's
     * text shows only hex). For scanning the whole database for something that must not be in it.
     */
    public static Map<String, String> everyRowAsText() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : strings("select tablename from pg_tables where schemaname = 'public' order by tablename")) {
            StringBuilder text = new StringBuilder(dump(quoteIdent(table)));
            for (String column : strings("select column_name from information_schema.columns"
                    + " where table_schema = 'public' and data_type = 'bytea' and table_name = '" + table + "'")) {
                text.append(decodedBytes(table, column));
            }
            tables.put(table, text.toString());
        }
        return tables;
    }

    private static String decodedBytes(String table, String column) {
        String sql = "select " + quoteIdent(column) + " from " + quoteIdent(table);
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                byte[] bytes = rs.getBytes(1);
                if (bytes != null) {
                    out.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
                }
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    private static String quoteIdent(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is exiting
        }
    }
}
