package io.chartersync.backup;

import io.chartersync.audit.AuditChain;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.postgresql.copy.CopyManager;

/**
 * Dumps every table of the schema in one REPEATABLE READ, READ ONLY transaction: one snapshot of the whole
 * database, whatever a running server commits meanwhile (it is not blocked: readers take no locks that
 * writers wait for). Sequences are read in it too; being outside transactions, their values may be ahead of
 * the snapshot, which only leaves a gap of unused numbers.
 */
final class DatabaseDump {
    private DatabaseDump() {}

    /** What the snapshot held. */
    record Snapshot(
            String schemaVersion,
            List<Manifest.Table> tables,
            List<Manifest.Sequence> sequences,
            Manifest.Audit audit) {}

    static Snapshot write(Jdbi jdbi, ArchiveWriter archive) {
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> dump(h, archive));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new BackupException("could not dump the database (" + e.getMessage() + ")", e);
        }
    }

    private static Snapshot dump(Handle h, ArchiveWriter archive) throws SQLException, IOException {
        Connection c = h.getConnection();
        // The first statement of the transaction, before the first query takes its snapshot.
        h.execute("set transaction read only");
        CopyText.fixSettings(c);
        String version = Catalog.schemaVersion(c);
        CopyManager copier = CopyText.copier(c);
        List<Manifest.Table> tables = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : Catalog.tables(c).entrySet()) {
            Manifest.Table listed = new Manifest.Table(table.getKey(), table.getValue(), 0);
            long[] rows = new long[1];
            archive.write(listed.entry(), out -> {
                try {
                    rows[0] = copier.copyOut(CopyText.out(listed.name(), listed.columns()), out);
                } catch (SQLException e) {
                    throw new IOException("could not copy table " + listed.name() + ": " + e.getMessage(), e);
                }
            });
            tables.add(new Manifest.Table(listed.name(), listed.columns(), rows[0]));
        }
        return new Snapshot(version, tables, Catalog.sequences(c), audit(AuditChain.verify(h)));
    }

    static Manifest.Audit audit(AuditChain.Verdict verdict) {
        return switch (verdict) {
            case AuditChain.Intact ok -> new Manifest.Audit(true, ok.entries(), ok.lastHash(), null);
            case AuditChain.Broken broken ->
                new Manifest.Audit(false, 0, null, "broken at entry #" + broken.entryId() + ": " + broken.reason());
        };
    }
}
