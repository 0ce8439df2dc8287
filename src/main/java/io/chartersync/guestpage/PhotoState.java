package io.chartersync.guestpage;

import io.chartersync.common.WireForm;
import java.util.Locale;

/**
 * What became of a guest upload: pending until its ingest accepts it (ready, in the gallery) or refuses it.
 * Stored in {@code guest_photo.state} and shown in the upload's status as {@link #wire()}.
 */
enum PhotoState implements WireForm {
    PENDING,
    READY,
    REJECTED;

    /** The stored and JSON form: {@code pending}, {@code ready}, {@code rejected}. */
    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PhotoState ofWire(String text) {
        return WireForm.of(PhotoState.class, text);
    }
}
