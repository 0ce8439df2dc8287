package io.chartersync.guestpage;

import io.chartersync.common.Formats;
import io.chartersync.common.OperatorContact;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The guest page's model, built from {@link GuestPagePort.PageRequest}: it has no revenue field and no
 * internal note, so the page cannot show them. {@code links} are absolute, from {@code PUBLIC_BASE_URL};
 * {@code operator} is how the guest reaches the charter operator (only what is set).
 */
public record GuestView(
        String slug,
        String boat,
        ZonedDateTime startsAt,
        BigDecimal durationHours,
        String location,
        String guestName,
        Optional<Integer> partySize,
        String guestNote,
        boolean cancelled,
        List<String> whatToBring,
        List<GalleryPhoto> photos,
        boolean uploadsOpen,
        OperatorContact operator,
        Links links,
        Optional<Meeting> meeting) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a zzzz", Locale.US);

    public GuestView {
        whatToBring = List.copyOf(whatToBring);
        photos = List.copyOf(photos);
    }

    /** Where the boat's guests meet it (its profile's meeting point), with a link to a map when one is set. */
    public record Meeting(String place, Optional<String> mapUrl) {}

    /** Where the page's calendar file, upload endpoints and the upload token are. */
    public record Links(String calendar, String presign, String photoForm, String uploadToken, String scriptHash) {}

    /** A photo in the gallery: a thumbnail that opens the display size. */
    public record GalleryPhoto(String thumbnailUrl, String fullUrl, int thumbnailWidth, int thumbnailHeight) {}

    public String date() {
        return DATE.format(startsAt);
    }

    /** "9:00 AM Pacific Daylight Time": the marina's clock, the zone named in words. */
    public String time() {
        return TIME.format(startsAt);
    }

    public String zoneId() {
        return startsAt.getZone().getId();
    }

    public String duration() {
        return Formats.hours(durationHours);
    }

    /** The operator by name, or "your charter operator" when no name is set. */
    public String operatorName() {
        return operator.name().orElse("your charter operator");
    }

    public String mapUrl() {
        return Formats.mapUrl(location);
    }
}
