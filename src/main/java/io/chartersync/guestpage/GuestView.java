package io.chartersync.guestpage;

import io.chartersync.common.Formats;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The guest page's model. Built from {@link GuestPagePort.PageRequest}; it has no revenue field. */
public record GuestView(
        String slug,
        String boat,
        ZonedDateTime startsAt,
        BigDecimal durationHours,
        String location,
        String guestName,
        Optional<Integer> partySize,
        String guestNote,
        boolean cancelled) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a zzz", Locale.US);

    public String date() {
        return DATE.format(startsAt);
    }

    /** "9:00 AM PDT (America/Los_Angeles)": the marina's clock, zone named. */
    public String time() {
        return TIME.format(startsAt) + " (" + startsAt.getZone().getId() + ")";
    }

    public String duration() {
        return Formats.hours(durationHours);
    }

    public String mapUrl() {
        return Formats.mapUrl(location);
    }
}
