package io.chartersync.booking;

import java.util.UUID;

/** A booking version as stored: its id, version number and whether that version cancels it. */
public record StoredBooking(UUID id, int version, boolean cancelled, Booking booking) {}
