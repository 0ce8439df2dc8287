package io.chartersync.booking;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The read view of bookings that the sync workflow uses: a booking's current version. */
@FunctionalInterface
public interface BookingReader {
    /** The current version of booking {@code id}, read on the caller's handle. */
    Optional<StoredBooking> findCurrent(Handle h, UUID id);
}
