package io.chartersync.booking;

/** Builds a booking's status document from where each system stands. */
@FunctionalInterface
public interface StatusProvider {
    BookingStatus statusOf(StoredBooking booking);
}
