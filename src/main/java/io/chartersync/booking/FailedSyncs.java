package io.chartersync.booking;

import java.util.Set;
import java.util.UUID;

/**
 * The bookings whose sync has failed for good, in any version (the workflow knows): after its charter has
 * ended, a failed sync is the only thing that can still need the operator, so the attention listing reads the
 * status of these and of the bookings still ahead, and of no other.
 */
@FunctionalInterface
public interface FailedSyncs {
    /** A superset of the bookings whose current sync has failed. */
    Set<UUID> bookingIds();
}
