package io.chartersync.console;

import io.chartersync.common.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The booking form, new or edit: the values, the roster to choose crew from, and the errors by form field
 * (with a summary of them all). {@code owner} holds the revenue and the internal note, present for owners
 * only: a dispatcher's form is rendered without them.
 *
 * @param booking the booking edited (empty for a new one), with {@code version} the one the form was opened on
 */
public record BookingFormPage(
        Shell shell,
        Optional<UUID> booking,
        int version,
        String guestLabel,
        BookingForm form,
        Optional<BookingForm.OwnerFields> owner,
        Map<String, String> roster,
        Map<String, String> errors,
        List<String> summary) {

    public BookingFormPage {
        roster = new LinkedHashMap<>(roster);
        errors = new LinkedHashMap<>(errors);
        summary = List.copyOf(summary);
    }

    public String action() {
        return booking.map(id -> "/bookings/" + id + "/edit").orElse("/bookings");
    }

    public String heading() {
        return booking.isPresent() ? "Edit the booking of " + guestLabel : "New booking";
    }

    public String cancelHref() {
        return booking.map(id -> "/bookings/" + id).orElse("/");
    }

    /** The error of form field {@code name}, or null (so a template can leave out the attribute). */
    public String error(String name) {
        return errors.get(name);
    }

    public boolean invalid(String name) {
        return errors.containsKey(name);
    }

    /** The {@code aria-describedby} of a field: its error's id when it has one, else null. */
    public String describedBy(String name) {
        return errors.containsKey(name) ? errorId(name) : null;
    }

    public static String errorId(String name) {
        return "error-" + fieldId(name);
    }

    /** The HTML id of form field {@code name} ({@code guest.name} is {@code f-guest-name}). */
    public static String fieldId(String name) {
        return "f-" + name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** The roster's members, id to name, plus any member a row names who is no longer on it. */
    public Map<String, String> choices(BookingForm.CrewRow row) {
        Map<String, String> choices = new LinkedHashMap<>(roster);
        row.members().forEach(m -> choices.putIfAbsent(m, m));
        return choices;
    }

    /**
     * Maps the intake's field errors (JSON paths such as {@code guest.name}, {@code start}, {@code
     * crew_assignments[0].members[1]}) to the form's fields, and a summary line for each.
     */
    static Map<String, String> byField(List<FieldError> errors, List<String> summary) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : errors) {
            String field = formField(e.field());
            byField.merge(field, e.detail(), (a, b) -> a + "; " + b);
            summary.add(label(e.field()) + ": " + e.detail());
        }
        return byField;
    }

    private static String formField(String path) {
        if (path.equals("start") || path.equals("time_zone")) {
            return "start_date";
        }
        if (path.startsWith("crew_assignments[")) {
            int end = path.indexOf(']');
            String rest = path.substring(end + 1);
            String row = "crew[" + path.substring("crew_assignments[".length(), end) + "]";
            return switch (rest) {
                case ".role" -> row + ".role";
                case ".count" -> row + ".count";
                case ".hourly_rate" -> row + ".hourly_rate";
                default -> rest.matches("\\.members\\[[0-9]+\\]") ? row + rest : row;
            };
        }
        if (path.startsWith("crew_assignments")) {
            return "crew";
        }
        if (path.startsWith("revenue")) {
            return path.equals("revenue.currency") ? "revenue.currency" : "revenue.amount";
        }
        return path;
    }

    private static String label(String path) {
        return switch (path) {
            case "guest.name" -> "Guest name";
            case "guest.email" -> "Guest email";
            case "guest.phone" -> "Guest phone";
            case "guest.party_size" -> "Party size";
            case "start", "time_zone" -> "Start";
            case "duration_hours" -> "Duration";
            case "boat" -> "Boat";
            case "location" -> "Meeting point";
            case "external_id" -> "Reference";
            case "notes.crew" -> "Note for the crew";
            case "notes.guest" -> "Note for the guest";
            case "notes.internal" -> "Internal note";
            case "revenue.amount", "revenue" -> "Revenue";
            case "revenue.currency" -> "Currency";
            default -> path.startsWith("crew_assignments") ? "Crew" + rowOf(path) : path;
        };
    }

    private static String rowOf(String path) {
        if (!path.startsWith("crew_assignments[")) {
            return "";
        }
        String n = path.substring("crew_assignments[".length(), path.indexOf(']'));
        try {
            return ", row " + (Integer.parseInt(n) + 1);
        } catch (NumberFormatException e) {
            return "";
        }
    }

    static List<String> newSummary() {
        return new ArrayList<>();
    }
}
