package io.chartersync.crew;

import io.chartersync.common.WireForm;
import java.time.Instant;
import java.util.UUID;

/**
 * The outbox dedupe key of a crew email, built with its kind: one factory per kind, so the kind is never
 * parsed back out of the key, and each key's parts are named. The texts are stored ({@code
 * mail_outbox.dedupe_key}, the saga's step results) and must not change; docs/architecture.md lists them.
 */
record EmailKey(Kind kind, String text) {

    /** The kinds of crew email, as {@code mail_outbox.kind} stores them. */
    enum Kind implements WireForm {
        INVITE("invite"),
        CHANGE("change"),
        REASSIGNED("reassigned"),
        REMOVED("removed"),
        CANCEL("cancel"),
        DECLINE("decline"),
        CONFLICT("conflict"),
        SUMMARY("summary"),
        BRIEFING("briefing");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }

        private EmailKey key(Object... parts) {
            StringBuilder text = new StringBuilder(wire);
            for (Object part : parts) {
                text.append(':').append(part);
            }
            return new EmailKey(this, text.toString());
        }
    }

    static EmailKey invite(UUID linkId) {
        return Kind.INVITE.key(linkId);
    }

    /**
     * An invitation sent again by the operator: once per link and {@code window} (a count of resend windows
     * since the epoch), so a second click within the window queues nothing.
     */
    static EmailKey inviteAgain(UUID linkId, long window) {
        return Kind.INVITE.key(linkId, "resend", window);
    }

    /** The event's time or place changed: once per link and event version. */
    static EmailKey change(UUID linkId, int eventVersion) {
        return Kind.CHANGE.key(linkId, eventVersion);
    }

    /** A new role or rate: once per reassignment, which the link's change count names. */
    static EmailKey reassigned(UUID linkId, int linkChanges) {
        return Kind.REASSIGNED.key(linkId, linkChanges);
    }

    static EmailKey removed(UUID linkId) {
        return Kind.REMOVED.key(linkId);
    }

    static EmailKey cancel(UUID linkId) {
        return Kind.CANCEL.key(linkId);
    }

    /** The operator's alert of a decline: once per answer, named by the link's change count after it. */
    static EmailKey decline(UUID linkId, int linkChangesAfterAnswer) {
        return Kind.DECLINE.key(linkId, linkChangesAfterAnswer);
    }

    static EmailKey conflict(UUID bookingId, String otherEntry) {
        return Kind.CONFLICT.key(bookingId, otherEntry);
    }

    /** The captain's summary of one state of the event, queued at {@code queuedAt}. */
    static EmailKey summary(UUID eventId, String state, Instant queuedAt) {
        return Kind.SUMMARY.key(eventId, state, queuedAt.toEpochMilli());
    }

    /** What a summary step answers when the captain already has this state: nothing is queued under it. */
    static EmailKey summaryAlreadySent(UUID eventId, String state) {
        return Kind.SUMMARY.key(eventId, state);
    }

    /** The briefing of the charter at the time it is planned for. */
    static EmailKey briefing(Briefings.Charter charter) {
        return Kind.BRIEFING.key(charter.encode());
    }
}
