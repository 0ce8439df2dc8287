package io.chartersync.calendar;

import com.fasterxml.jackson.annotation.JsonValue;
import io.chartersync.common.WireForm;

/**
 * Where a calendar entry stands. Its {@link #wire() wire} form is what {@code calendar_entry.status} stores
 * and what the API, the feed's ETag and the audit log show.
 */
enum EntryStatus implements WireForm {
    /** Held by the conflict rules: its boat and named crew are taken for its time. */
    ACTIVE("active"),
    /** Kept (subscribed calendars must see it go), but holds nothing. */
    CANCELLED("cancelled"),
    /** A booking's entry that clashed with an active one: kept aside, naming it, for the operator. */
    CONFLICT("conflict");

    private final String wire;

    EntryStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    static EntryStatus fromWire(String stored) {
        return WireForm.of(EntryStatus.class, stored);
    }
}
