package io.chartersync.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * One thing that happened: who did it ({@code actor}: {@code operator}, {@code service}, {@code crew:<id>},
 * {@code sync}, {@code cli}), what ({@code action}: {@code booking.created}, {@code crew-link.revoked}…), to
 * what ({@code subject}: {@code booking:<id>}…), and the details worth keeping. Never revenue: the log is
 * for operators, but it outlives redactions.
 */
public record AuditEntry(String actor, String action, String subject, Map<String, Object> details) {
    public AuditEntry {
        details = new TreeMap<>(details);
    }

    public static AuditEntry of(String actor, String action, String subject) {
        return new AuditEntry(actor, action, subject, Map.of());
    }
}
