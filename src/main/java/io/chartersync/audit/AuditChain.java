package io.chartersync.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Checks the audit log, chain by chain: read in id order within each chain (streamed, a page of rows at a
 * time), every entry must point at the hash of the entry before it in its chain (the first at {@link
 * AuditLog#GENESIS}) and carry the hash of its own contents. An edited entry breaks its own hash; a deleted
 * one breaks the link of the entry after it.
 */
public final class AuditChain {
    private static final int FETCH_SIZE = 1000;
    private static final String COLUMNS = "id, at, actor, action, subject, details, prev_hash, hash, chain";

    private AuditChain() {}

    /** What a check found. */
    public sealed interface Verdict permits Intact, Broken {}

    /**
     * Every entry chains to the one before; {@code lastId} is the newest entry, {@code lastHash} the log's
     * head: the SHA-256 of every chain's last hash in chain order ({@link AuditLog#GENESIS} when empty).
     * Recording it elsewhere now and then shows later whether the newest entries were removed.
     */
    public record Intact(long entries, long lastId, String lastHash) implements Verdict {}

    /** The first entry that does not chain, when it says it was written, and why it does not. */
    public record Broken(long entryId, Instant at, String reason) implements Verdict {}

    /** Checks the whole chain, streaming it in one snapshot. */
    public static Verdict verify(Handle h) {
        return h.inTransaction(tx -> {
            try (Stream<AuditRecord> rows = tx
                    .createQuery("select " + COLUMNS + " from audit_log order by chain, id")
                    .setFetchSize(FETCH_SIZE)
                    .map(AuditChain::record)
                    .stream()) {
                return verify(rows.iterator());
            }
        });
    }

    static Verdict verify(Iterator<AuditRecord> rows) {
        long count = 0;
        long lastId = 0;
        long previousId = 0;
        int chain = -1;
        String previousHash = AuditLog.GENESIS;
        StringBuilder heads = new StringBuilder();
        while (rows.hasNext()) {
            AuditRecord e = rows.next();
            if (e.chain() != chain) {
                if (chain >= 0) {
                    heads.append(chain).append(':').append(previousHash).append('\n');
                }
                chain = e.chain();
                previousId = 0;
                previousHash = AuditLog.GENESIS;
            }
            if (!e.prevHash().equals(previousHash)) {
                return new Broken(
                        e.id(),
                        e.at(),
                        previousId == 0
                                ? "its prev_hash is not the start of the chain: entries before it were deleted"
                                : "its prev_hash is not the hash of entry #" + previousId
                                        + ": an entry between them was deleted, or #" + previousId
                                        + " was rewritten");
            }
            if (!AuditEntry.isOneLine(e.actor())
                    || !AuditEntry.isOneLine(e.action())
                    || !AuditEntry.isOneLine(e.subject())) {
                return new Broken(
                        e.id(), e.at(), "its actor, action or subject is not one line: the entry was changed");
            }
            if (!e.hash().equals(e.expectedHash(previousHash))) {
                return new Broken(e.id(), e.at(), "its hash does not match its contents: the entry was changed");
            }
            count++;
            previousId = e.id();
            lastId = Math.max(lastId, e.id());
            previousHash = e.hash();
        }
        if (chain < 0) {
            return new Intact(0, 0, AuditLog.GENESIS);
        }
        heads.append(chain).append(':').append(previousHash).append('\n');
        return new Intact(count, lastId, io.chartersync.common.Hashes.sha256Hex(heads.toString()));
    }

    /** The entries about one subject ({@code booking:<id>}…), oldest first. */
    public static List<AuditRecord> entriesFor(Handle h, String subject) {
        return h.createQuery("select " + COLUMNS + " from audit_log where subject = :subject order by id")
                .bind("subject", subject)
                .map(AuditChain::record)
                .list();
    }

    private static AuditRecord record(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuditRecord(
                rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("details"),
                rs.getString("prev_hash"),
                rs.getString("hash"),
                rs.getInt("chain"));
    }
}
