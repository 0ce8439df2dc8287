package io.chartersync.crew;

import io.chartersync.common.Formats;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The charter as one crew member sees it: their role and their own pay, the crew note, the guest page
 * link. It has no revenue and no internal notes, so nothing built from it can show them. {@code
 * removed} says the member was taken off the charter (their link revoked). Crew pages,
 * crew emails, crew feeds and the crew API are all rendered from this type (or from {@link EventView}).
 */
public record CrewView(
        String eventId,
        String eventName,
        String boat,
        ZonedDateTime startsAt,
        BigDecimal durationHours,
        String location,
        String memberName,
        String role,
        Optional<BigDecimal> hourlyRate,
        String crewNote,
        String guestName,
        Optional<Integer> partySize,
        String guestPageUrl,
        boolean cancelled,
        boolean removed,
        int eventVersion,
        Optional<CrewAnswer> answer,
        List<Teammate> crew) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE, MMM d, yyyy 'at' h:mm a z", Locale.US);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE MMM d, h:mm a", Locale.US);

    public CrewView {
        crew = List.copyOf(crew);
    }

    /**
     * A member on the charter as the others see them; {@code answer} is the answer's {@link
     * CrewAnswer#status()} text. Its {@code toString} feeds the captain summary's state hash (kept on the
     * event and in dedupe keys), so its components and their order must not change.
     */
    public record Teammate(String name, String role, String answer) {
        boolean confirmed() {
            return answer.equals(CrewAnswer.CONFIRM.status());
        }
    }

    /** "Thu, May 30, 2024 at 9:00 AM PDT": the marina's clock, zone named. */
    public String when() {
        return WHEN.format(startsAt);
    }

    /** "Thu May 30, 9:00 AM", for subjects. */
    public String shortWhen() {
        return SHORT.format(startsAt);
    }

    public String duration() {
        return Formats.hours(durationHours);
    }

    /** The member's own expected pay: rate × hours. */
    public Optional<BigDecimal> expectedPay() {
        return hourlyRate.map(r -> r.multiply(durationHours).stripTrailingZeros());
    }

    public String mapUrl() {
        return Formats.mapUrl(location);
    }
}
