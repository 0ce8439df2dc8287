package io.chartersync.console;

import io.chartersync.common.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What is wrong with a form the user sent, per field (shown next to it) and as the summary at the top of the
 * form (each item linking to its field). A field's errors are joined; a problem without a field of the form
 * (say an unknown query parameter) shows in the summary only.
 */
public final class FieldErrors {
    /** One line of the summary: the id of the field it links to (empty: no field), and what is wrong. */
    public record Item(String fieldId, String text) {}

    private static final FieldErrors NONE = new FieldErrors(Map.of(), List.of());

    private final Map<String, String> byField;
    private final List<Item> summary;

    private FieldErrors(Map<String, String> byField, List<Item> summary) {
        this.byField = Map.copyOf(byField);
        this.summary = List.copyOf(summary);
    }

    static FieldErrors none() {
        return NONE;
    }

    /**
     * The errors of a refused form: {@code fieldOf} maps a rule's field ({@code roles[2]}) to the form's field
     * ({@code roles}), {@code labels} names the form's fields (a field without a label is not on the form).
     */
    static FieldErrors of(List<FieldError> errors, UnaryOperator<String> fieldOf, Map<String, String> labels) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<Item> summary = new ArrayList<>();
        for (FieldError e : errors) {
            String field = fieldOf.apply(e.field());
            String label = labels.get(field);
            if (label == null) {
                summary.add(new Item("", e.field().isEmpty() ? e.detail() : e.field() + ": " + e.detail()));
                continue;
            }
            byField.merge(field, sentence(e.detail()), (a, b) -> a + " " + b);
            summary.add(new Item(field, label + ": " + e.detail()));
        }
        return new FieldErrors(byField, summary);
    }

    /** One error of one field. */
    static FieldErrors of(String field, String label, String detail) {
        return of(List.of(new FieldError(field, detail)), f -> f, Map.of(field, label));
    }

    public boolean any() {
        return !summary.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** What is wrong with {@code field} ("" when nothing). */
    public String of(String field) {
        return byField.getOrDefault(field, "");
    }

    public List<Item> summary() {
        return summary;
    }

    /** The ids a field's {@code aria-describedby} names: its hint and its error, when there are; null for none. */
    public String describedBy(String id, String field, boolean hint) {
        String ids = ((hint ? id + "-hint " : "") + (has(field) ? id + "-error" : "")).strip();
        return ids.isEmpty() ? null : ids;
    }

    private static String sentence(String detail) {
        String d = detail.isEmpty() ? detail : Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
        return d.endsWith(".") ? d : d + ".";
    }
}
