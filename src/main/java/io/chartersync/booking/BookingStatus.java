package io.chartersync.booking;

import io.chartersync.mail.MailCounts;
import java.util.UUID;

/** The status document of the intake contract: where each of the four systems stands. */
public record BookingStatus(
        UUID id,
        String source,
        String externalId,
        int version,
        String state,
        String error,
        Calendar calendar,
        Crew crew,
        GuestPage guestPage,
        MailCounts emails) {

    public record Calendar(String state, String entryId, String error) {}

    public record Crew(String state, String eventId, int invited, int confirmed, int declined, String error) {}

    public record GuestPage(String state, String url, String error) {}
}
