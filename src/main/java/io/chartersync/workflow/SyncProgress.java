package io.chartersync.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How far the syncs of all bookings have come, for whoever watches them as a whole (the benchmark). A
 * booking's own progress is in its status document.
 */
public interface SyncProgress {
    /** Runs not yet ended: waiting for their task, or running. */
    int unfinished();

    /** Runs that failed for good. */
    int failed();

    /**
     * The bookings with a run that failed for good, of any version (a later version may have synced since):
     * a superset of those whose sync has failed now.
     */
    Set<UUID> bookingsWithFailedRuns();

    /** When the runs of these bookings ended synced; bookings with no such run are left out. */
    List<Synced> synced(Collection<UUID> bookingIds);

    /** When the last run that ended synced ended; empty before the first. */
    Optional<Instant> lastSynced();

    /** A booking's run that ended synced, and when. */
    record Synced(UUID bookingId, Instant at) {}
}
