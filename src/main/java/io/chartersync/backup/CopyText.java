package io.chartersync.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's COPY text format, as pg_dump uses it: the server's own text form of every value, which a
 * server of the same or a later major version reads back exactly. The settings that shape that text are
 * fixed for the transaction on both sides, so dates, times, floats and bytes survive the round trip.
 */
final class CopyText {
    private CopyText() {}

    /** Fixes the settings for the rest of the current transaction. */
    static void fixSettings(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local datestyle = 'ISO, YMD'");
            s.execute("set local intervalstyle = 'postgres'");
            s.execute("set local extra_float_digits = 3");
            s.execute("set local bytea_output = 'hex'");
            s.execute("set local timezone = 'UTC'");
        }
    }

    static CopyManager copier(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    static String out(String table, java.util.List<String> columns) {
        return "copy " + Catalog.quote(table) + " (" + Catalog.columnList(columns) + ") to stdout";
    }

    static String in(String table, java.util.List<String> columns) {
        return "copy " + Catalog.quote(table) + " (" + Catalog.columnList(columns) + ") from stdin";
    }
}
