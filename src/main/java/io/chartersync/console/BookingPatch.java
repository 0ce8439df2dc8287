package io.chartersync.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON merge patch (RFC 7396) of what a form changed: only the fields whose value on the form differs
 * from the version the form was opened on. A field the form does not hold is never named, so an edit never
 * touches what its user could not see (a dispatcher's form has no revenue and no internal note).
 */
final class BookingPatch {
    private BookingPatch() {}

    /** The members of {@code form} that differ from {@code stored}: objects member by member, the rest whole. */
    static ObjectNode between(JsonNode stored, ObjectNode form) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : form.properties()) {
            String name = member.getKey();
            JsonNode wanted = member.getValue();
            JsonNode had = stored.path(name);
            if (name.equals("notify_guest") && had.isMissingNode() && wanted.asBoolean(false)) {
                continue; // true is the default, which the stored body leaves out
            }
            if (wanted.isObject() && had.isObject()) {
                ObjectNode inner = between(had, (ObjectNode) wanted);
                if (!inner.isEmpty()) {
                    patch.set(name, inner);
                }
            } else if (name.equals("start") ? !BookingForm.sameStart(wanted, had) : !same(had, wanted)) {
                patch.set(name, wanted);
            }
        }
        return patch;
    }

    /** Equal as values: numbers by value ({@code 4} is {@code 4.0}), a missing member the same as {@code null}. */
    static boolean same(JsonNode a, JsonNode b) {
        boolean aNone = a == null || a.isMissingNode() || a.isNull();
        boolean bNone = b == null || b.isMissingNode() || b.isNull();
        if (aNone || bNone) {
            return aNone && bNone;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String n = names.next();
                if (!same(a.get(n), b.get(n))) {
                    return false;
                }
            }
            for (Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
                String n = names.next();
                if (!a.has(n) && !same(null, b.get(n))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
