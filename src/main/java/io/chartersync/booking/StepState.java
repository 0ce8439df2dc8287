package io.chartersync.booking;

import com.fasterxml.jackson.annotation.JsonValue;
import io.chartersync.common.WireForm;
import java.util.Locale;

/**
 * Where one sync step of a booking version stands. The workflow stores {@link #DONE} and {@link #FAILED}
 * in this spelling; a step with nothing stored is {@link #PENDING}.
 */
public enum StepState implements WireForm {
    PENDING,
    DONE,
    FAILED;

    /** The text of the contract and of the stored checkpoint: the name in lower case. */
    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepState fromWire(String text) {
        return WireForm.of(StepState.class, text);
    }
}
