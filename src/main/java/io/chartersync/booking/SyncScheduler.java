package io.chartersync.booking;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Schedules the sync of a booking version inside the intake transaction. */
@FunctionalInterface
public interface SyncScheduler {
    void schedule(Handle handle, UUID bookingId, int version);
}
