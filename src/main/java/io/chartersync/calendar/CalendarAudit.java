package io.chartersync.calendar;

import io.chartersync.audit.AuditEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The audit entries of the calendar: ids, sequence, status, when, and the names of changed fields. */
final class CalendarAudit {
    private CalendarAudit() {}

    static AuditEntry created(String actor, CalendarEntry e) {
        return new AuditEntry(actor, "calendar.created", subject(e.id()), details(e));
    }

    /** A write that changed the entry: {@code calendar.cancelled} when it cancelled it, else {@code calendar.updated}. */
    static AuditEntry changed(String actor, CalendarEntry before, CalendarEntry after) {
        Map<String, Object> details = details(after);
        details.put("changed", changedFields(before, after));
        boolean cancelled = after.status() == EntryStatus.CANCELLED && before.status() != EntryStatus.CANCELLED;
        return new AuditEntry(
                actor, cancelled ? "calendar.cancelled" : "calendar.updated", subject(after.id()), details);
    }

    /** An entry held in conflict by {@code blocker}, after the blocker moved or was cancelled. */
    static Optional<AuditEntry> released(String actor, UUID blocker, CalendarEntry after) {
        List<String> changed = new ArrayList<>();
        if (after.status() != EntryStatus.CONFLICT) {
            changed.add("status");
        }
        if (!after.conflictWith().equals(Optional.of(blocker))) {
            changed.add("conflict_with");
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> details = details(after);
        details.put("changed", changed);
        details.put("released_by", blocker.toString());
        return Optional.of(new AuditEntry(actor, "calendar.updated", subject(after.id()), details));
    }

    static List<String> changedFields(CalendarEntry a, CalendarEntry b) {
        List<String> changed = new ArrayList<>();
        add(changed, "event_type", a.eventType(), b.eventType());
        add(changed, "date", a.date(), b.date());
        add(changed, "start_time", a.startTime(), b.startTime());
        add(changed, "time_zone", a.timeZone(), b.timeZone());
        if (a.durationHours().compareTo(b.durationHours()) != 0) {
            changed.add("duration_hours");
        }
        add(changed, "location", a.location(), b.location());
        add(changed, "guest_name", a.guestName(), b.guestName());
        add(changed, "boat", a.boat(), b.boat());
        add(changed, "crew_assignments", a.crewAssignments(), b.crewAssignments());
        add(changed, "status", a.status(), b.status());
        add(changed, "conflict_with", a.conflictWith(), b.conflictWith());
        return changed;
    }

    private static void add(List<String> changed, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(field);
        }
    }

    private static Map<String, Object> details(CalendarEntry e) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (e.bookingId() != null) {
            details.put("booking_id", e.bookingId().toString());
        }
        details.put("event_type", e.eventType());
        details.put("sequence", e.sequence());
        details.put("status", e.status().wire());
        details.put("date", e.date().toString());
        details.put("start_time", e.startTime().toString());
        details.put("time_zone", e.timeZone());
        details.put("duration_hours", e.durationHours());
        details.put("boat", e.boat());
        e.conflictWith().ifPresent(other -> details.put("conflict_with", other.toString()));
        return details;
    }

    private static String subject(UUID id) {
        return "calendar:" + id;
    }
}
