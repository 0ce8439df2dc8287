package io.chartersync.workflow;

import io.chartersync.common.WireForm;
import java.util.Locale;

/**
 * Where a saga run (one booking version's sync) stands, stored in {@code sync_run.state} as the name in
 * lower case. {@link #PENDING} and {@link #RUNNING} are open; the others are final.
 */
enum RunState implements WireForm {
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    /** A newer version of the booking replaced this one before it ran: the newer run carries the state. */
    SUPERSEDED;

    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunState fromWire(String text) {
        return WireForm.of(RunState.class, text);
    }
}
