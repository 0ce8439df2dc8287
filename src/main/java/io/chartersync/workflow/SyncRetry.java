package io.chartersync.workflow;

import java.util.UUID;

/**
 * Retries a booking's sync by hand (the console's Retry, {@code POST /api/bookings/{id}/retry}): when the
 * current version's run failed, a new run of it is scheduled; when it is stuck (an attempt failed and backoff
 * put the next one off), the next attempt runs now. Either way the saga redoes only the steps not done.
 */
public interface SyncRetry {

    /** What a retry did. */
    enum Outcome {
        /** The run had failed: it runs again. */
        SCHEDULED,
        /** The run was waiting for its next attempt after a failure: that attempt runs now. */
        BROUGHT_FORWARD
    }

    /**
     * Retries the sync of booking {@code bookingId}'s current version, audited under {@code actor}. Throws
     * {@code AppException.NotFound} when there is no such booking, and {@code AppException.Conflict} (changing
     * nothing) when there is nothing to retry: the version is synced, its run is running now, or it is queued
     * and about to start.
     */
    Outcome retry(UUID bookingId, String actor);
}
