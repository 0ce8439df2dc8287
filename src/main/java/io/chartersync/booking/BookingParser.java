package io.chartersync.booking;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.AppException;
import io.chartersync.common.JsonFields;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an intake body into a {@link Booking}, or throws {@link AppException.InvalidInput} naming every
 * offending field. Nothing is stored before this succeeds.
 */
final class BookingParser {
    private static final Pattern SOURCE = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,39}$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(14 * 24);
    /** Crew assignments a booking may hold: one per role, and no boat needs more roles. */
    static final int MAX_ASSIGNMENTS = 20;

    private final CrewDirectory crew;

    BookingParser(CrewDirectory crew) {
        this.crew = crew;
    }

    Booking parse(JsonNode body) {
        JsonFields f = new JsonFields(body);
        String source = f.text("source", true).orElse("");
        if (!source.isEmpty() && !SOURCE.matcher(source).matches()) {
            f.error("source", "must be lowercase letters, digits, '-' or '_' (at most 40), e.g. boatsetter");
        }
        String externalId = f.text("external_id", true).orElse("");
        Optional<ZoneId> zone = f.zone("time_zone", true);
        Optional<LocalDateTime> start = f.text("start", true).flatMap(s -> start(f, s, zone));
        BigDecimal duration = f.decimal("duration_hours", true).orElse(BigDecimal.ONE);
        if (duration.signum() <= 0) {
            f.error("duration_hours", "must be greater than 0");
        } else if (duration.compareTo(MAX_HOURS) > 0) {
            f.error("duration_hours", "must be at most " + MAX_HOURS + " hours");
        }
        String boat = f.text("boat", false).orElse("");
        String location = f.text("location", true).orElse("");
        Booking.Guest guest = guest(f);
        Optional<Booking.Money> revenue = revenue(f);
        List<Booking.CrewAssignment> assignments = assignments(f);
        Booking.Notes notes = notes(f);
        f.throwIfAny();
        return new Booking(
                source,
                externalId,
                start.orElseThrow(),
                zone.orElseThrow(),
                duration.stripTrailingZeros(),
                boat,
                location,
                guest,
                revenue,
                assignments,
                notes);
    }

    private static Booking.Notes notes(JsonFields f) {
        if (!f.isObject("notes", false)) {
            return new Booking.Notes("", "", "");
        }
        return new Booking.Notes(
                f.multilineText("notes.crew", false).orElse(""),
                f.multilineText("notes.guest", false).orElse(""),
                f.multilineText("notes.internal", false).orElse(""));
    }

    private static Optional<LocalDateTime> start(JsonFields f, String value, Optional<ZoneId> zone) {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(value);
        } catch (DateTimeParseException notLocal) {
            try {
                OffsetDateTime withOffset = OffsetDateTime.parse(value);
                if (zone.isEmpty()) {
                    return Optional.empty();
                }
                local = withOffset.atZoneSameInstant(zone.get()).toLocalDateTime();
            } catch (DateTimeParseException e) {
                f.error(
                        "start",
                        "'" + value + "' is not a valid date and time (YYYY-MM-DDTHH:MM:SS on the marina's clock)");
                return Optional.empty();
            }
        }
        if (!f.inYears("start", local.toLocalDate())) {
            return Optional.empty();
        }
        if (zone.isPresent() && zone.get().getRules().getValidOffsets(local).isEmpty()) {
            f.error("start", value + " does not exist in " + zone.get() + " (the clocks skip that hour)");
            return Optional.empty();
        }
        return Optional.of(local);
    }

    private static Booking.Guest guest(JsonFields f) {
        if (!f.isObject("guest", true)) {
            return new Booking.Guest("", Optional.empty(), Optional.empty(), Optional.empty());
        }
        String name = f.text("guest.name", true).orElse("");
        Optional<String> email = f.email("guest.email", false);
        Optional<String> phone = f.text("guest.phone", false);
        Optional<Integer> party =
                f.decimal("guest.party_size", false).map(p -> wholeNumber(f, "guest.party_size", p, 1, 500));
        return new Booking.Guest(name, email, phone, party);
    }

    private static Optional<Booking.Money> revenue(JsonFields f) {
        if (!f.isObject("revenue", false)) {
            return Optional.empty();
        }
        BigDecimal amount = f.decimal("revenue.amount", true).orElse(BigDecimal.ZERO);
        if (amount.signum() < 0) {
            f.error("revenue.amount", "must not be negative");
        }
        String currency = f.text("revenue.currency", true).orElse("USD");
        if (!CURRENCY.matcher(currency).matches()) {
            f.error("revenue.currency", "must be an ISO 4217 code such as USD");
        }
        return Optional.of(new Booking.Money(amount, currency));
    }

    private List<Booking.CrewAssignment> assignments(JsonFields f) {
        JsonNode list = f.node("crew_assignments");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            f.error("crew_assignments", "must be an array");
            return List.of();
        }
        if (list.size() > MAX_ASSIGNMENTS) {
            f.error("crew_assignments", "holds at most " + MAX_ASSIGNMENTS + " assignments (one per role)");
            return List.of();
        }
        List<Booking.CrewAssignment> out = new ArrayList<>();
        Set<String> allMembers = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "crew_assignments[" + i + "]";
            if (!f.isObject(at, true)) {
                continue;
            }
            String role = f.text(at + ".role", true).orElse("");
            int count = f.decimal(at + ".count", true)
                    .map(c -> wholeNumber(f, at + ".count", c, 1, 100))
                    .orElse(1);
            BigDecimal rate = f.decimal(at + ".hourly_rate", true).orElse(BigDecimal.ZERO);
            if (rate.signum() < 0) {
                f.error(at + ".hourly_rate", "must not be negative");
            }
            List<String> members = members(f, at + ".members", allMembers);
            if (members.size() > count) {
                f.error(at + ".members", "names " + members.size() + " members but count is " + count);
            }
            out.add(new Booking.CrewAssignment(role, count, rate.stripTrailingZeros(), members));
        }
        Set<String> unknown = allMembers.isEmpty() ? Set.of() : crew.unknown(allMembers);
        for (String id : unknown) {
            f.error(
                    "crew_assignments",
                    "crew member '" + id + "' is not in the roster (PUT /api/crew/" + id + " first)");
        }
        return out;
    }

    private static List<String> members(JsonFields f, String path, Set<String> seen) {
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
            } else if (!seen.add(id.asText())) {
                f.error(path + "[" + i + "]", "crew member '" + id.asText() + "' is assigned twice");
            } else {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    private static int wholeNumber(JsonFields f, String path, BigDecimal value, int min, int max) {
        if (value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            f.error(path, "must be a whole number from " + min + " to " + max);
            return min;
        }
        return value.intValue();
    }
}
