package io.chartersync.workflow;

import java.util.UUID;

/**
 * The data of a sync task: the booking version it syncs. The task queue keeps it as text, {@code
 * "uuid:version"}; this record is the one place that writes and reads that text.
 */
record SyncTaskData(UUID bookingId, int version) {
    /** One task instance per booking version: scheduling the same version twice schedules it once. */
    String instanceId() {
        return bookingId + "-v" + version;
    }

    String encode() {
        return bookingId + ":" + version;
    }

    static SyncTaskData decode(String data) {
        String[] parts = data.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("sync task data '" + data + "' is not uuid:version");
        }
        return new SyncTaskData(UUID.fromString(parts[0]), Integer.parseInt(parts[1]));
    }
}
