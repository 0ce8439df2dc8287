package io.chartersync.mail;

import io.chartersync.common.WireForm;

/** Where a queued email stands. Its {@link #wire() wire} form is what {@code mail_outbox.state} stores. */
public enum MailState implements WireForm {
    /** Waiting for its delivery task (or that task's next retry). */
    QUEUED("queued"),
    /** Handed to the SMTP server, or written to its file. */
    SENT("sent"),
    /** Refused for good, or still unsent when the retries ran out; {@code last_error} says why. */
    FAILED("failed");

    private final String wire;

    MailState(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    static MailState fromWire(String stored) {
        return WireForm.of(MailState.class, stored);
    }
}
