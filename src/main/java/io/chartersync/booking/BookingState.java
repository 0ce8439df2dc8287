package io.chartersync.booking;

import com.fasterxml.jackson.annotation.JsonValue;
import io.chartersync.common.WireForm;
import java.util.Locale;

/** Where a booking's current version stands, as the status document shows it ({@code "state"}). */
public enum BookingState implements WireForm {
    PENDING,
    SYNCING,
    SYNCED,
    FAILED,
    CANCELLED;

    /** The text of the contract: the name in lower case. */
    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state named {@code text} in the contract's spelling. */
    public static BookingState fromWire(String text) {
        return WireForm.of(BookingState.class, text);
    }
}
