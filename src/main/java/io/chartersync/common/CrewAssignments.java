package io.chartersync.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the crew a body names, by one set of rules for every route: a booking's and a calendar entry's {@code
 * crew_assignments}, and the member ids of an event's {@code crew}. A crew member is named at most once in one
 * body: bookings and events refused a second naming while calendar entries took it, so now every route refuses
 * it (one person cannot fill two places on the same charter). Whether an id is in the roster is each route's
 * own check, since only it knows its roster.
 */
public final class CrewAssignments {
    /** Assignments one body may hold: one per role, and no boat needs more roles. */
    public static final int MAX_ASSIGNMENTS = 20;

    /** Crew one role may count. */
    public static final int MAX_COUNT = 100;

    /** A role on the charter as a body states it: how many, at what hourly rate, and who (when known). */
    public record Assignment(String role, int count, BigDecimal hourlyRate, List<String> members) {
        public Assignment {
            members = List.copyOf(members);
        }
    }

    private CrewAssignments() {}

    /** The assignments at {@code path} (none when absent), every offending field named in {@code f}. */
    public static List<Assignment> read(JsonFields f, String path) {
        JsonNode list = f.node(path);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            f.error(path, "must be an array");
            return List.of();
        }
        if (list.size() > MAX_ASSIGNMENTS) {
            f.error(path, "holds at most " + MAX_ASSIGNMENTS + " assignments (one per role)");
            return List.of();
        }
        List<Assignment> out = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            if (!f.isObject(at, true)) {
                continue;
            }
            String role = f.text(at + ".role", true).orElse("");
            int count = f.wholeNumber(at + ".count", true, 1, MAX_COUNT).orElse(1);
            BigDecimal rate = f.decimal(at + ".hourly_rate", true).orElse(BigDecimal.ZERO);
            if (rate.signum() < 0) {
                f.error(at + ".hourly_rate", "must not be negative");
            }
            List<String> members = memberIds(f, at + ".members", named);
            if (members.size() > count) {
                f.error(at + ".members", "names " + members.size() + " members but count is " + count);
            }
            out.add(new Assignment(role, count, rate.stripTrailingZeros(), members));
        }
        return out;
    }

    /** Every member the assignments name, in order (each once: a second naming was refused). */
    public static Set<String> members(List<Assignment> assignments) {
        Set<String> members = new LinkedHashSet<>();
        assignments.forEach(a -> members.addAll(a.members()));
        return members;
    }

    /**
     * The crew member ids in the array at {@code path} (none when absent). An id already in {@code named} (named
     * earlier in the same body) is refused; each id read is added to it.
     */
    public static List<String> memberIds(JsonFields f, String path, Set<String> named) {
        JsonNode node = f.node(path);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            f.error(path, "must be an array of crew member ids");
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isTextual() || id.asText().isBlank()) {
                f.error(path + "[" + i + "]", "must be a crew member id");
            } else if (!named.add(id.asText())) {
                f.error(path + "[" + i + "]", "crew member '" + id.asText() + "' is named twice");
            } else {
                ids.add(id.asText());
            }
        }
        return ids;
    }
}
