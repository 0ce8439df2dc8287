package io.chartersync.guestpage;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** What the sync workflow asks of the guest pages. Publishing is idempotent on the booking id. */
public interface GuestPagePort {

    /** Renders and publishes the booking's page (creating its slug once); answers the page's URL. */
    String publish(PageRequest request);

    /** Everything a guest page may show. There is no revenue and no internal note here. */
    record PageRequest(
            UUID bookingId,
            int bookingVersion,
            String source,
            String boat,
            LocalDateTime start,
            ZoneId timeZone,
            BigDecimal durationHours,
            String location,
            String guestName,
            Optional<Integer> partySize,
            String guestNote,
            boolean cancelled) {}
}
