package io.chartersync.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.booking.Booking;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values of the booking form (new and edit) as the user typed them, every one as text, so a form sent
 * back with errors shows exactly what was sent. No revenue and no internal note: those are {@link
 * OwnerFields}, read and shown for owners only. {@link #json} builds the booking body's fields from them in
 * the contract's names, for the intake's own validation.
 */
public record BookingForm(
        String externalId,
        String guestName,
        String guestEmail,
        String guestPhone,
        String partySize,
        String startDate,
        String startTime,
        String durationHours,
        String boat,
        String location,
        List<CrewRow> crew,
        String crewNote,
        String guestNote,
        boolean notifyGuest) {

    /** The most assignment rows the form reads back (one per role; the intake allows no more). */
    static final int MAX_ROWS = 10;
    /** The most member choices a row shows. */
    static final int MAX_SLOTS = 20;

    public BookingForm {
        crew = List.copyOf(crew);
    }

    /** One crew assignment: role, how many, hourly rate, and the members chosen (blank slots dropped). */
    public record CrewRow(String role, String count, String hourlyRate, List<String> members) {
        public CrewRow {
            members = List.copyOf(members);
        }

        /** How many member choices the form shows: the count, the members chosen, and one more to add. */
        public int slots() {
            int wanted = parsedCount().orElse(0);
            return Math.min(MAX_SLOTS, Math.max(wanted, members.size()) + 1);
        }

        /** The member chosen in slot {@code i}, or blank. */
        public String member(int i) {
            return i < members.size() ? members.get(i) : "";
        }

        boolean blank() {
            return role.isBlank() && count.isBlank() && hourlyRate.isBlank() && members.isEmpty();
        }

        private Optional<Integer> parsedCount() {
            try {
                return Optional.of(Integer.parseInt(count.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** What only an owner sees and edits: the revenue and the internal note. */
    public record OwnerFields(String revenueAmount, String revenueCurrency, String internalNote) {
        static OwnerFields of(Booking b) {
            return new OwnerFields(
                    b.revenue().map(m -> m.amount().toPlainString()).orElse(""),
                    b.revenue().map(Booking.Money::currency).orElse("USD"),
                    b.notes().internal());
        }

        static OwnerFields read(Context ctx) {
            return new OwnerFields(
                    field(ctx, "revenue.amount"), field(ctx, "revenue.currency"), multiline(ctx, "notes.internal"));
        }
    }

    /** An empty form for a new booking: the next full hour tomorrow's morning, four hours, the guest told. */
    static BookingForm blank(LocalDate day) {
        return new BookingForm("", "", "", "", "", day.toString(), "09:00", "4", "", "", List.of(), "", "", true);
    }

    /** The form of a stored version, on the booking's own clock. */
    static BookingForm of(Booking b) {
        LocalDateTime start = b.start();
        return new BookingForm(
                b.externalId(),
                b.guest().name(),
                b.guest().email().orElse(""),
                b.guest().phone().orElse(""),
                b.guest().partySize().map(String::valueOf).orElse(""),
                start.toLocalDate().toString(),
                start.toLocalTime().toString(),
                b.durationHours().stripTrailingZeros().toPlainString(),
                b.boat(),
                b.location(),
                b.crewAssignments().stream()
                        .map(a -> new CrewRow(
                                a.role(),
                                String.valueOf(a.count()),
                                a.hourlyRate().stripTrailingZeros().toPlainString(),
                                a.members()))
                        .toList(),
                b.notes().crew(),
                b.notes().guest(),
                b.notifyGuest().orElse(true));
    }

    /** The form as sent. */
    static BookingForm read(Context ctx) {
        List<CrewRow> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            String at = "crew[" + i + "].";
            if (ctx.formParam(at + "role") == null) {
                break;
            }
            List<String> members = new ArrayList<>();
            for (int k = 0; k < MAX_SLOTS; k++) {
                String member = ctx.formParam(at + "members[" + k + "]");
                if (member != null && !member.isBlank()) {
                    members.add(member.trim());
                }
            }
            rows.add(new CrewRow(
                    field(ctx, at + "role"), field(ctx, at + "count"), field(ctx, at + "hourly_rate"), members));
        }
        return new BookingForm(
                field(ctx, "external_id"),
                field(ctx, "guest.name"),
                field(ctx, "guest.email"),
                field(ctx, "guest.phone"),
                field(ctx, "guest.party_size"),
                field(ctx, "start_date"),
                field(ctx, "start_time"),
                field(ctx, "duration_hours"),
                field(ctx, "boat"),
                field(ctx, "location"),
                rows.stream().filter(r -> !r.blank()).toList(),
                multiline(ctx, "notes.crew"),
                multiline(ctx, "notes.guest"),
                ctx.formParam("notify_guest") != null);
    }

    /** The rows to show: the assignments, then one blank row to add a role. */
    public List<CrewRow> rowsShown() {
        List<CrewRow> rows = new ArrayList<>(crew);
        if (rows.size() < MAX_ROWS) {
            rows.add(new CrewRow("", "", "", List.of()));
        }
        return rows;
    }

    /**
     * The booking body's fields this form holds, in the contract's names: a blank optional field is {@code
     * null} (removed by a merge patch), a number that does not read as one stays text (so the intake names
     * it). Without {@code owner}, no revenue and no internal note.
     */
    ObjectNode json(Optional<OwnerFields> owner) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode body = f.objectNode();
        body.set("start", start());
        body.set("duration_hours", number(durationHours));
        body.put("boat", boat.trim());
        body.put("location", location.trim());
        ObjectNode guest = body.putObject("guest");
        guest.put("name", guestName.trim());
        guest.set("email", optional(guestEmail));
        guest.set("phone", optional(guestPhone));
        guest.set("party_size", partySize.isBlank() ? f.nullNode() : number(partySize));
        ArrayNode assignments = body.putArray("crew_assignments");
        for (CrewRow row : crew) {
            ObjectNode a = assignments.addObject();
            a.put("role", row.role().trim());
            a.set("count", number(row.count()));
            a.set("hourly_rate", row.hourlyRate().isBlank() ? f.numberNode(BigDecimal.ZERO) : number(row.hourlyRate()));
            ArrayNode members = a.putArray("members");
            row.members().forEach(members::add);
        }
        ObjectNode notes = body.putObject("notes");
        notes.put("crew", crewNote);
        notes.put("guest", guestNote);
        body.put("notify_guest", notifyGuest);
        owner.ifPresent(o -> {
            notes.put("internal", o.internalNote());
            if (o.revenueAmount().isBlank()) {
                body.putNull("revenue");
            } else {
                ObjectNode revenue = body.putObject("revenue");
                revenue.set("amount", number(o.revenueAmount()));
                revenue.put(
                        "currency",
                        o.revenueCurrency().trim().isEmpty()
                                ? "USD"
                                : o.revenueCurrency().trim());
            }
        });
        return body;
    }

    /** The start as the contract writes it, or the text as typed when the date or time does not read. */
    private JsonNode start() {
        try {
            return JsonNodeFactory.instance.textNode(
                    LocalDateTime.of(LocalDate.parse(startDate.trim()), LocalTime.parse(startTime.trim()))
                            .toString());
        } catch (DateTimeParseException e) {
            return JsonNodeFactory.instance.textNode(startDate.trim() + "T" + startTime.trim());
        }
    }

    /** Whether a start typed on the form is the same moment as {@code stored} (the stored text may have seconds). */
    static boolean sameStart(JsonNode form, JsonNode stored) {
        try {
            return LocalDateTime.parse(form.asText()).equals(LocalDateTime.parse(stored.asText()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static JsonNode number(String text) {
        String t = text.trim();
        if (t.matches("-?[0-9]{1,9}")) {
            return JsonNodeFactory.instance.numberNode(Integer.parseInt(t));
        }
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(t);
        }
    }

    private static JsonNode optional(String text) {
        return text.isBlank() ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(text.trim());
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    /** A textarea's text, with the browser's CRLF line breaks as LF (as the body stores them). */
    private static String multiline(Context ctx, String name) {
        return field(ctx, name).replace("\r\n", "\n").replace('\r', '\n');
    }
}
