package io.chartersync.booking;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a booking's current version stands, as the status document shows it ({@code "state"}). */
public enum BookingState {
    PENDING,
    SYNCING,
    SYNCED,
    FAILED,
    CANCELLED;

    /** The text of the contract: the name in lower case. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state named {@code text} in the contract's spelling. */
    public static BookingState fromWire(String text) {
        for (BookingState state : values()) {
            if (state.wire().equals(text)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown booking state '" + text + "'");
    }
}
