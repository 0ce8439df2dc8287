package io.chartersync.booking;

import org.jdbi.v3.core.Handle;

/** Tells intake the name each boat is shown by (boats are named as {@code common/BoatNames} says). */
@FunctionalInterface
public interface BoatDirectory {
    /**
     * The display name of {@code boat} (not blank): the registered one, else the first one seen; registers
     * {@code boat} as written when the boat is new, in the intake's transaction {@code h}.
     */
    String displayName(Handle h, String boat);
}
