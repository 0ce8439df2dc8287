package io.chartersync.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * One thing that happened: who did it ({@code actor}: {@code operator}, {@code service}, {@code crew:<id>},
 * {@code sync}, {@code cli}), what ({@code action}: {@code booking.created}, {@code crew-link.revoked}…), to
 * what ({@code subject}: {@code booking:<id>}…), and the details worth keeping. Never revenue: the log is
 * for operators, but it outlives redactions.
 *
 * <p>Actor, action and subject are one line each (the chained hash joins the fields with line breaks, so a
 * line break inside one could shift text between fields without changing the hash).
 */
public record AuditEntry(String actor, String action, String subject, Map<String, Object> details) {
    public AuditEntry {
        requireOneLine("actor", actor);
        requireOneLine("action", action);
        requireOneLine("subject", subject);
        details = new TreeMap<>(details);
    }

    public static AuditEntry of(String actor, String action, String subject) {
        return new AuditEntry(actor, action, subject, Map.of());
    }

    /** True when {@code value} is non-blank text without control characters (line breaks among them). */
    static boolean isOneLine(String value) {
        return value != null && !value.isBlank() && value.chars().noneMatch(Character::isISOControl);
    }

    private static void requireOneLine(String field, String value) {
        if (!isOneLine(value)) {
            throw new IllegalArgumentException(
                    "audit " + field + " must be one line of text without control characters, was: " + value);
        }
    }
}
