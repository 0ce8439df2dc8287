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

    /**
     * Everything a guest page may show. There is no revenue and no internal note here. {@code notifyAddress}
     * is where the guest is emailed the page's link, a change of time or place, and a cancellation; empty
     * when the booking has no guest email or says {@code "notify_guest": false}. It is not kept with the page.
     */
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
            boolean cancelled,
            Optional<String> notifyAddress) {
        public PageRequest {
            // Page data stored before guest emails existed has no address: nobody is emailed from it.
            notifyAddress = notifyAddress == null ? Optional.empty() : notifyAddress;
        }

        /** The same page without the guest's address, as it is kept in {@code guest_page}. */
        PageRequest withoutAddress() {
            return new PageRequest(
                    bookingId,
                    bookingVersion,
                    source,
                    boat,
                    start,
                    timeZone,
                    durationHours,
                    location,
                    guestName,
                    partySize,
                    guestNote,
                    cancelled,
                    Optional.empty());
        }
    }
}
