package io.chartersync.booking;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.audit.AuditEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The audit entries of the intake: ids, version, source, when, and the names of the fields a new version
 * changed. Never a value of revenue or of the notes: a changed one shows up by its name only.
 */
final class BookingAudit {
    private BookingAudit() {}

    static AuditEntry created(String actor, UUID id, Booking b) {
        Map<String, Object> details = when(b);
        details.put("version", 1);
        details.put("source", b.source());
        details.put("external_id", b.externalId());
        details.put("boat", b.boat());
        return new AuditEntry(actor, "booking.created", subject(id), details);
    }

    static AuditEntry updated(String actor, UUID id, int version, Booking b, List<String> changed) {
        Map<String, Object> details = when(b);
        details.put("version", version);
        details.put("changed", changed);
        return new AuditEntry(actor, "booking.updated", subject(id), details);
    }

    static AuditEntry cancelled(String actor, UUID id, int version, Booking b) {
        Map<String, Object> details = when(b);
        details.put("version", version);
        details.put("source", b.source());
        details.put("external_id", b.externalId());
        return new AuditEntry(actor, "booking.cancelled", subject(id), details);
    }

    /** Top-level fields, and the fields inside objects ({@code guest.name}, {@code notes.internal}), that differ. */
    static List<String> changedFields(JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        for (String field : names(before, after)) {
            JsonNode a = before.path(field);
            JsonNode b = after.path(field);
            if (a.equals(b)) {
                continue;
            }
            if (a.isObject() && b.isObject()) {
                for (String inner : names(a, b)) {
                    if (!a.path(inner).equals(b.path(inner))) {
                        changed.add(field + "." + inner);
                    }
                }
            } else {
                changed.add(field);
            }
        }
        return changed;
    }

    private static Set<String> names(JsonNode a, JsonNode b) {
        Set<String> names = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, Object> when(Booking b) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("start", b.start().toString());
        details.put("time_zone", b.timeZone().getId());
        details.put("duration_hours", b.durationHours());
        return details;
    }

    private static String subject(UUID id) {
        return "booking:" + id;
    }
}
