package io.chartersync.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A booking as the operator sees it: everything the channel sent, revenue and internal notes included.
 * Nothing crew or guests see is built from this type directly; the workflow maps it to the audience
 * types of the calendar, crew and guest-page modules, which have no revenue field.
 */
public record Booking(
        String source,
        String externalId,
        LocalDateTime start,
        ZoneId timeZone,
        BigDecimal durationHours,
        String boat,
        String location,
        Guest guest,
        Optional<Money> revenue,
        List<CrewAssignment> crewAssignments,
        Notes notes,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Boolean> notifyGuest) {

    /**
     * {@code notifyGuest} is present only as {@code false} ({@code "notify_guest": false}): the default, true,
     * is left out of the stored body, so the bodies stored before the field existed keep their hashes.
     */
    public Booking {
        crewAssignments = List.copyOf(crewAssignments);
        notifyGuest = notifyGuest == null ? Optional.empty() : notifyGuest.filter(n -> !n);
    }

    /** Where the guest is emailed their page, a change and a cancellation: their address, unless told not to. */
    public Optional<String> guestNotifyAddress() {
        return notifyGuest.orElse(true) ? guest.email() : Optional.empty();
    }

    /** This booking with its boat named {@code boat}. */
    public Booking withBoat(String boat) {
        return new Booking(
                source,
                externalId,
                start,
                timeZone,
                durationHours,
                boat,
                location,
                guest,
                revenue,
                crewAssignments,
                notes,
                notifyGuest);
    }

    /** The start on the marina's clock; validation has refused times that do not exist there. */
    public ZonedDateTime startsAt() {
        return ZonedDateTime.ofLocal(start, timeZone, null);
    }

    public record Guest(String name, Optional<String> email, Optional<String> phone, Optional<Integer> partySize) {}

    public record Money(BigDecimal amount, String currency) {}

    public record CrewAssignment(String role, int count, BigDecimal hourlyRate, List<String> members) {
        public CrewAssignment {
            members = List.copyOf(members);
        }
    }

    public record Notes(String crew, String guest, String internal) {
        public static final Notes NONE = new Notes("", "", "");
    }
}
