package io.chartersync.booking;

import java.util.UUID;

/** What an intake did: the booking, its version now, and whether it was created, changed or left as it was. */
public record Saved(UUID id, int version, Outcome outcome) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
