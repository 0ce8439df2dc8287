package io.chartersync.workflow;

import io.chartersync.booking.Booking;
import io.chartersync.booking.StoredBooking;
import io.chartersync.calendar.CalendarPort;
import io.chartersync.crew.CrewPort;
import io.chartersync.guestpage.GuestPagePort;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps an operator's booking onto what each system may know. This is where revenue and the internal
 * note stay behind: none of the request types below has a field for them.
 */
final class Requests {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    private Requests() {}

    static CalendarPort.BookingEntry calendar(StoredBooking s) {
        Booking b = s.booking();
        return new CalendarPort.BookingEntry(
                s.id(),
                b.start(),
                b.timeZone(),
                b.durationHours(),
                b.location(),
                b.guest().name(),
                b.boat(),
                b.crewAssignments().stream()
                        .map(a -> new CalendarPort.Assignment(a.role(), a.count(), a.hourlyRate(), a.members()))
                        .toList(),
                s.cancelled());
    }

    static GuestPagePort.PageRequest guestPage(StoredBooking s) {
        Booking b = s.booking();
        return new GuestPagePort.PageRequest(
                s.id(),
                s.version(),
                b.source(),
                b.boat(),
                b.start(),
                b.timeZone(),
                b.durationHours(),
                b.location(),
                b.guest().name(),
                b.guest().partySize(),
                b.notes().guest(),
                s.cancelled(),
                b.guestNotifyAddress());
    }

    static CrewPort.EventRequest crewEvent(StoredBooking s, String guestPageUrl) {
        Booking b = s.booking();
        List<CrewPort.Member> crew = b.crewAssignments().stream()
                .flatMap(a ->
                        a.members().stream().map(m -> new CrewPort.Member(m, a.role(), Optional.of(a.hourlyRate()))))
                .toList();
        return new CrewPort.EventRequest(
                s.id(),
                eventName(b),
                b.boat(),
                b.start(),
                b.timeZone(),
                b.durationHours(),
                b.location(),
                b.notes().crew(),
                b.guest().name(),
                b.guest().partySize(),
                guestPageUrl,
                crew,
                s.cancelled());
    }

    /** The other side of a calendar clash, as the crew's alert names it. */
    static CrewPort.OtherBooking otherBooking(CalendarPort.Clash clash) {
        return new CrewPort.OtherBooking(
                clash.entryId(), clash.bookingId(), clash.guestName(), clash.boat(), clash.startsAt());
    }

    /** "Boatsetter Charter - May 30", as the seed named its events. */
    static String eventName(Booking b) {
        String source = b.source().isEmpty()
                ? ""
                : Character.toUpperCase(b.source().charAt(0)) + b.source().substring(1) + " ";
        return source + "Charter - " + DAY.format(b.start());
    }
}
