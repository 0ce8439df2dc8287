package io.chartersync.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The program's tables and sequences, read from PostgreSQL's catalog for the schema the connection works in
 * (its {@code current_schema()}, where Flyway migrated them): found, not listed by hand, so a table a later
 * migration adds is in every backup without anyone remembering to add it. Flyway's own history is left out:
 * a restore migrates the new database itself, and the archive records the version instead.
 */
final class Catalog {
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private Catalog() {}

    /** Every table of the schema but Flyway's, by name, with its columns in order (generated ones left out). */
    static Map<String, List<String>> tables(Connection c) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        String sql = """
                select c.relname, a.attname from pg_class c
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                 where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> ?
                   and a.attgenerated = ''
                 order by c.relname, a.attnum""";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, FLYWAY_HISTORY);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
        }
        return tables;
    }

    /**
     * {@code tables} in an order that loads every referenced row before the rows that reference it (the
     * foreign keys of the schema), alphabetical where the keys leave a choice.
     */
    static List<String> loadOrder(Connection c, Set<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        String sql = """
                select child.relname, parent.relname from pg_constraint k
                  join pg_class child on child.oid = k.conrelid
                  join pg_class parent on parent.oid = k.confrelid
                  join pg_namespace n on n.oid = child.relnamespace
                 where k.contype = 'f' and n.nspname = current_schema() and child.oid <> parent.oid""";
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                parents.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> remaining = new TreeSet<>(tables);
        while (!remaining.isEmpty()) {
            Optional<String> next = remaining.stream()
                    .filter(t -> parents.getOrDefault(t, Set.of()).stream().noneMatch(remaining::contains))
                    .findFirst();
            if (next.isEmpty()) {
                throw new BackupException("the foreign keys between " + remaining + " form a cycle: no load order");
            }
            order.add(next.get());
            remaining.remove(next.get());
        }
        return order;
    }

    /** Every sequence of the schema (identity columns' included) with its state. */
    static List<Manifest.Sequence> sequences(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        String sql = """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = current_schema() and c.relkind = 'S' order by c.relname""";
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        List<Manifest.Sequence> sequences = new ArrayList<>();
        for (String name : names) {
            try (PreparedStatement s = c.prepareStatement("select last_value, is_called from " + quote(name));
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                sequences.add(new Manifest.Sequence(name, rs.getLong(1), rs.getBoolean(2)));
            }
        }
        return sequences;
    }

    /** The schema version Flyway last applied, e.g. {@code 17}. */
    static String schemaVersion(Connection c) throws SQLException {
        String sql = "select version from " + FLYWAY_HISTORY
                + " where success and version is not null order by installed_rank desc limit 1";
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new BackupException("the database has no migrations applied");
            }
            return rs.getString(1);
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from " + quote(table));
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(Catalog::quote).toList());
    }
}
