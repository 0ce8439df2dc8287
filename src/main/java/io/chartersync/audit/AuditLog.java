package io.chartersync.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chartersync.common.Hashes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Appends entries to the audit log in the caller's transaction, chaining each to the one before. Appends
 * are serialized by a transaction-scoped advisory lock (held until the caller commits), so call it last
 * in a transaction: the chain then follows commit order and the lock is held only for the commit.
 */
public final class AuditLog {
    /** The {@code prev_hash} of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private final ObjectMapper json;
    private final Clock clock;

    public AuditLog(ObjectMapper json, Clock clock) {
        this.json = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.clock = clock;
    }

    public void append(Handle h, AuditEntry entry) {
        append(h, List.of(entry));
    }

    public void append(Handle h, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        h.execute("select pg_advisory_xact_lock(20261124, 1)");
        String prev = h.createQuery("select hash from audit_log order by id desc limit 1")
                .mapTo(String.class)
                .findOne()
                .orElse(GENESIS);
        // Microseconds: what PostgreSQL keeps, so verification recomputes the same text.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (AuditEntry e : entries) {
            String details = details(e);
            String hash = hash(prev, at, e.actor(), e.action(), e.subject(), details);
            h.createUpdate("""
                insert into audit_log (at, actor, action, subject, details, prev_hash, hash)
                values (:at, :actor, :action, :subject, :details, :prev, :hash)""")
                    .bind("at", at.atOffset(ZoneOffset.UTC))
                    .bind("actor", e.actor())
                    .bind("action", e.action())
                    .bind("subject", e.subject())
                    .bind("details", details)
                    .bind("prev", prev)
                    .bind("hash", hash)
                    .execute();
            prev = hash;
        }
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
