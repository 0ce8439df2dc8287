package io.chartersync.audit;

import java.time.Instant;

/** An entry as the log holds it: its chain and place in it ({@code id}), its time, and both hashes. */
public record AuditRecord(
        long id,
        Instant at,
        String actor,
        String action,
        String subject,
        String details,
        String prevHash,
        String hash,
        int chain) {

    /** The hash this entry must carry, given the hash of the entry before it. */
    String expectedHash(String prev) {
        return AuditLog.hash(prev, at, actor, action, subject, details);
    }
}
