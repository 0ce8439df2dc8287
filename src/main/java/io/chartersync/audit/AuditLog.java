package io.chartersync.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chartersync.common.Hashes;
import io.chartersync.db.AdvisoryLocks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Appends entries to the audit log in the caller's transaction, chaining each to the one before in its
 * chain. The log is {@link #CHAINS} hash chains, one picked by the subject of a transaction's first entry;
 * appends to one chain are serialized by a transaction-scoped advisory lock (held until the caller
 * commits), so call it last in a transaction: each chain then follows commit order, and transactions about
 * different subjects seldom wait for each other's commit.
 */
public final class AuditLog {
    /** The {@code prev_hash} of the first entry of a chain. */
    static final String GENESIS = "0".repeat(64);
    /** How many chains new entries spread over. */
    public static final int CHAINS = 16;

    private final ObjectMapper json;
    private final Clock clock;
    private final int chains;

    public AuditLog(ObjectMapper json, Clock clock) {
        this(json, clock, CHAINS);
    }

    /** With {@code chains} chains (1 keeps the whole log in one chain, in commit order). */
    public AuditLog(ObjectMapper json, Clock clock, int chains) {
        if (chains < 1 || chains > 1000) {
            throw new IllegalArgumentException("the audit log needs between 1 and 1000 chains");
        }
        this.json = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.clock = clock;
        this.chains = chains;
    }

    public void append(Handle h, AuditEntry entry) {
        append(h, List.of(entry));
    }

    public void append(Handle h, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int chain = Math.floorMod(entries.getFirst().subject().hashCode(), chains);
        AdvisoryLocks.lockForTransaction(h, new AdvisoryLocks.Key.AuditChain(chain));
        String prev = h.createQuery("select hash from audit_log where chain = :chain order by id desc limit 1")
                .bind("chain", (short) chain)
                .mapTo(String.class)
                .findOne()
                .orElse(GENESIS);
        // Microseconds: what PostgreSQL keeps, so verification recomputes the same text.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PreparedBatch batch = h.prepareBatch("""
            insert into audit_log (at, actor, action, subject, details, prev_hash, hash, chain)
            values (:at, :actor, :action, :subject, :details, :prev, :hash, :chain)""");
        for (AuditEntry e : entries) {
            String details = details(e);
            String hash = hash(prev, at, e.actor(), e.action(), e.subject(), details);
            batch.bind("at", at.atOffset(ZoneOffset.UTC))
                    .bind("actor", e.actor())
                    .bind("action", e.action())
                    .bind("subject", e.subject())
                    .bind("details", details)
                    .bind("prev", prev)
                    .bind("hash", hash)
                    .bind("chain", (short) chain)
                    .add();
            prev = hash;
        }
        batch.execute();
    }

    /** The chained hash of one entry: SHA-256 over the previous hash and every field, one per line. */
    static String hash(String prev, Instant at, String actor, String action, String subject, String details) {
        return Hashes.sha256Hex(
                String.join("\n", prev, DateTimeFormatter.ISO_INSTANT.format(at), actor, action, subject, details));
    }

    private String details(AuditEntry e) {
        try {
            return json.writeValueAsString(e.details());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("audit details of " + e.action() + " are not JSON", ex);
        }
    }
}
