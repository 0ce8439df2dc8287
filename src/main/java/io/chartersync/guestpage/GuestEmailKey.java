package io.chartersync.guestpage;

import io.chartersync.common.WireForm;
import java.util.UUID;

/**
 * The outbox dedupe key of a guest email, with its kind: one factory per kind. The texts are stored ({@code
 * mail_outbox.dedupe_key}) and must not change; docs/architecture.md lists them.
 */
record GuestEmailKey(Kind kind, String text) {

    /** The kinds of guest email, as {@code mail_outbox.kind} stores them. */
    enum Kind implements WireForm {
        PAGE("guest-page"),
        CHANGE("guest-change"),
        CANCEL("guest-cancel");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }

    /** The page's link, once the booking is synced: once per booking. */
    static GuestEmailKey page(UUID bookingId) {
        return new GuestEmailKey(Kind.PAGE, Kind.PAGE.wire() + ":" + bookingId);
    }

    /** A change of time, length, boat or meeting point: once per booking version that makes it. */
    static GuestEmailKey change(UUID bookingId, int bookingVersion) {
        return new GuestEmailKey(Kind.CHANGE, Kind.CHANGE.wire() + ":" + bookingId + ":" + bookingVersion);
    }

    /** The cancellation: once per booking. */
    static GuestEmailKey cancel(UUID bookingId) {
        return new GuestEmailKey(Kind.CANCEL, Kind.CANCEL.wire() + ":" + bookingId);
    }
}
