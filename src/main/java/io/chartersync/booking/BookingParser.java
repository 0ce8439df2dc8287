package io.chartersync.booking;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.AppException;
import io.chartersync.common.BookingSources;
import io.chartersync.common.CharterTimes;
import io.chartersync.common.CrewAssignments;
import io.chartersync.common.JsonFields;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    private final CrewDirectory crew;

    BookingParser(CrewDirectory crew) {
        this.crew = crew;
    }

    Booking parse(JsonNode body) {
        return parse(body, Set.of());
    }

    /**
     * Reads {@code body}; of the deactivated crew members, only those in {@code onBookingNow} (the members of
     * the version it replaces) may be on it: a deactivated member stays where they are, but is put on nothing new.
     */
    Booking parse(JsonNode body, Set<String> onBookingNow) {
        JsonFields f = new JsonFields(body);
        String source = f.text("source", true).orElse("");
        if (!source.isEmpty() && !BookingSources.isValid(source)) {
            f.error("source", BookingSources.RULE);
        }
        String externalId = f.text("external_id", true).orElse("");
        Optional<ZoneId> zone = f.zone("time_zone", true);
        Optional<LocalDateTime> start = start(f, zone);
        BigDecimal duration = CharterTimes.durationHours(f, "duration_hours");
        String boat = f.text("boat", false).orElse("");
        String location = f.text("location", true).orElse("");
        Booking.Guest guest = guest(f);
        Optional<Booking.Money> revenue = revenue(f);
        List<Booking.CrewAssignment> assignments = assignments(f, onBookingNow);
        Booking.Notes notes = notes(f);
        boolean notifyGuest = notifyGuest(f);
        f.throwIfAny();
        return new Booking(
                source,
                externalId,
                start.orElseThrow(),
                zone.orElseThrow(),
                duration,
                boat,
                location,
                guest,
                revenue,
                assignments,
                notes,
                Optional.of(notifyGuest));
    }

    /** {@code notify_guest}: true (the default) or false, never anything else. */
    private static boolean notifyGuest(JsonFields f) {
        JsonNode node = f.node("notify_guest");
        if (node == null || node.isNull()) {
            return true;
        }
        if (!node.isBoolean()) {
            f.error("notify_guest", "must be true or false");
            return true;
        }
        return node.booleanValue();
    }

    /** The start on the booking's clock; an instant with an offset is read as the wall time there. */
    private static Optional<LocalDateTime> start(JsonFields f, Optional<ZoneId> zone) {
        if (zone.isEmpty()) {
            CharterTimes.checkWithoutZone(f, "start");
            return Optional.empty();
        }
        return CharterTimes.start(f, "start", zone.get()).map(ZonedDateTime::toLocalDateTime);
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

    private static Booking.Guest guest(JsonFields f) {
        if (!f.isObject("guest", true)) {
            return new Booking.Guest("", Optional.empty(), Optional.empty(), Optional.empty());
        }
        String name = f.text("guest.name", true).orElse("");
        Optional<String> email = f.email("guest.email", false);
        Optional<String> phone = f.text("guest.phone", false);
        Optional<Integer> party = f.wholeNumber("guest.party_size", false, 1, 500);
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

    /**
     * The shared crew rules ({@link CrewAssignments}), then this route's own: every member is in the roster, and
     * none is deactivated unless already on the booking.
     */
    private List<Booking.CrewAssignment> assignments(JsonFields f, Set<String> onBookingNow) {
        List<CrewAssignments.Assignment> read = CrewAssignments.read(f, "crew_assignments");
        Set<String> members = CrewAssignments.members(read);
        for (String id : members.isEmpty() ? Set.<String>of() : crew.unknown(members)) {
            f.error(
                    "crew_assignments",
                    "crew member '" + id + "' is not in the roster (PUT /api/crew/" + id + " first)");
        }
        Set<String> added = new LinkedHashSet<>(members);
        added.removeAll(onBookingNow);
        for (String id : added.isEmpty() ? Set.<String>of() : crew.inactive(added)) {
            f.error(
                    "crew_assignments",
                    "crew member '" + id + "' is deactivated: reactivate them (console, Crew) or choose someone else");
        }
        return read.stream()
                .map(a -> new Booking.CrewAssignment(a.role(), a.count(), a.hourlyRate(), a.members()))
                .toList();
    }
}
