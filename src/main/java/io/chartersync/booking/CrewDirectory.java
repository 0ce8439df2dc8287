package io.chartersync.booking;

import java.util.Collection;
import java.util.Set;

/** Tells intake which crew member ids exist in the roster. */
@FunctionalInterface
public interface CrewDirectory {
    /** The ids among {@code ids} that are not in the roster. */
    Set<String> unknown(Collection<String> ids);
}
