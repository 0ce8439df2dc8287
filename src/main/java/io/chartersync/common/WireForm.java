package io.chartersync.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum whose values are stored and sent as fixed texts (the wire form, usually the name in lower case).
 * The text is written in one place, the enum; the database binds and maps it by {@code db/WireForms}, and
 * JSON writes it where the enum marks {@link #wire()} with {@code @JsonValue}.
 */
public interface WireForm {
    String wire();

    /** The value of enum {@code type} spelled {@code text}; empty for anything else, null included. */
    static <E extends Enum<E> & WireForm> Optional<E> find(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> value.wire().equals(text))
                .findFirst();
    }

    /**
     * The value spelled {@code text}, which the caller knows to be one (the database's check constraint, or
     * the program's own output); anything else is a bug, named with the type.
     */
    static <E extends Enum<E> & WireForm> E of(Class<E> type, String text) {
        return find(type, text)
                .orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " '" + text + "'"));
    }
}
