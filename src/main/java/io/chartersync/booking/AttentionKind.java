package io.chartersync.booking;

import com.fasterxml.jackson.annotation.JsonValue;
import io.chartersync.common.WireForm;
import java.util.Locale;

/** Why a booking needs the operator, as the status document's {@code attention} items name it ({@code "kind"}). */
public enum AttentionKind implements WireForm {
    /** The booking's calendar entry clashes with another (the boat or a crew member is taken). */
    CONFLICT,
    /** A crew member declined and was not replaced. */
    DECLINED,
    /** A crew member has not answered, and the charter starts within {@code UNANSWERED_ALERT_HOURS}. */
    UNANSWERED,
    /** Nobody is assigned, or nobody as captain. */
    NO_CREW,
    /** The sync of the current version failed. */
    SYNC_FAILED,
    /** An email of the booking could not be sent. */
    EMAIL_FAILED,
    /**
     * The marketplace feed the booking came from no longer lists it (while it is ahead), or lists it
     * cancelled: the operator cancels the booking or keeps it.
     */
    VANISHED_FROM_FEED;

    /** The text of the contract: the name in lower case. */
    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttentionKind fromWire(String text) {
        return WireForm.of(AttentionKind.class, text);
    }
}
