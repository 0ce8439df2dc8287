package io.chartersync.backup;

import io.chartersync.audit.AuditChain;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.copy.CopyManager;

/**
 * Loads an archive's tables into a database the program has just migrated and that holds no rows yet, in
 * one transaction: all of it, or (on any error) nothing. Tables go in foreign-key order, sequences are set
 * to their saved values, and every table's row count is checked against the manifest before the commit.
 */
final class DatabaseLoad {
    /** db-scheduler's table: the executions a server had picked when the snapshot was taken. */
    private static final String SCHEDULED_TASKS = "scheduled_tasks";

    private DatabaseLoad() {}

    static void load(Jdbi jdbi, ArchiveReader archive) {
        try {
            jdbi.useTransaction(h -> load(h, archive));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new BackupException("could not load the database (" + e.getMessage() + "); nothing was kept", e);
        }
    }

    private static void load(Handle h, ArchiveReader archive) throws SQLException, IOException {
        Manifest manifest = archive.manifest();
        Connection c = h.getConnection();
        CopyText.fixSettings(c);
        String version = Catalog.schemaVersion(c);
        if (!version.equals(manifest.schemaVersion())) {
            throw new BackupException("the new database is at schema version " + version + ", the archive at "
                    + manifest.schemaVersion() + ": restore it with the program version that made it ("
                    + manifest.programVersion() + ")");
        }
        Map<String, List<String>> target = Catalog.tables(c);
        Map<String, Manifest.Table> saved =
                manifest.tables().stream().collect(Collectors.toMap(Manifest.Table::name, Function.identity()));
        if (!target.keySet().equals(saved.keySet())) {
            throw new BackupException("the archive's tables " + new TreeSet<>(saved.keySet())
                    + " are not the database's " + target.keySet());
        }
        Set<String> withRows = new TreeSet<>();
        for (String table : target.keySet()) {
            if (Catalog.count(c, table) > 0) {
                withRows.add(table);
            }
        }
        if (!withRows.isEmpty()) {
            throw new BackupException(
                    "the database is not empty (rows in " + withRows + "): restore only into a new database");
        }
        CopyManager copier = CopyText.copier(c);
        for (String name : Catalog.loadOrder(c, target.keySet())) {
            Manifest.Table table = saved.get(name);
            long rows;
            try (InputStream in = archive.open(table.entry())) {
                rows = copier.copyIn(CopyText.in(name, table.columns()), in);
            }
            if (rows != table.rows()) {
                throw new BackupException(
                        "table " + name + " loaded " + rows + " rows, the manifest says " + table.rows());
            }
        }
        for (Manifest.Sequence sequence : manifest.sequences()) {
            try (PreparedStatement s = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                s.setString(1, Catalog.quote(sequence.name()));
                s.setLong(2, sequence.lastValue());
                s.setBoolean(3, sequence.isCalled());
                s.execute();
            }
        }
        if (target.containsKey(SCHEDULED_TASKS)) {
            // No scheduler runs on this database yet: what the old one had picked is free to run again at
            // once, instead of waiting until its heartbeat is found dead.
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update " + SCHEDULED_TASKS
                        + " set picked = false, picked_by = null, last_heartbeat = null where picked");
            }
        }
        for (Manifest.Table table : manifest.tables()) {
            long rows = Catalog.count(c, table.name());
            if (rows != table.rows()) {
                throw new BackupException(
                        "table " + table.name() + " holds " + rows + " rows, the manifest says " + table.rows());
            }
        }
    }

    /** The audit log of the loaded database, checked: intact, with the head the archive recorded. */
    static Manifest.Audit checkAudit(Jdbi jdbi, Manifest manifest) {
        Manifest.Audit restored = DatabaseDump.audit(jdbi.withHandle(AuditChain::verify));
        Manifest.Audit saved = manifest.audit();
        if (saved.intact() && (!restored.intact() || !restored.head().equals(saved.head()))) {
            throw new BackupException("the restored audit log does not match the archive's (head " + restored.head()
                    + ", expected " + saved.head() + ")");
        }
        return restored;
    }
}
