package io.chartersync.console;

import com.fasterxml.jackson.annotation.JsonValue;
import io.chartersync.common.WireForm;
import java.util.Locale;
import java.util.Optional;

/** What a console user may see: an owner everything, a dispatcher never revenue or the internal note. */
public enum Role implements WireForm {
    OWNER("owner"),
    DISPATCHER("dispatcher");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** The role spelled {@code text} (any case, trimmed); empty for anything else. */
    public static Optional<Role> parse(String text) {
        return text == null
                ? Optional.empty()
                : WireForm.find(Role.class, text.strip().toLowerCase(Locale.ROOT));
    }
}
