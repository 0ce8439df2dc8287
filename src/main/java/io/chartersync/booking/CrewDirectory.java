package io.chartersync.booking;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

/** Tells intake which crew member ids exist in the roster, and which of them are deactivated. */
@FunctionalInterface
public interface CrewDirectory {
    /** The ids among {@code ids} that are not in the roster. */
    Set<String> unknown(Collection<String> ids);

    /** The ids among {@code ids} of deactivated members (none, unless the roster says so). */
    default Set<String> inactive(Collection<String> ids) {
        return Set.of();
    }

    /** A directory answering {@link #unknown} and {@link #inactive} with these. */
    static CrewDirectory of(
            Function<Collection<String>, Set<String>> unknown, Function<Collection<String>, Set<String>> inactive) {
        return new CrewDirectory() {
            @Override
            public Set<String> unknown(Collection<String> ids) {
                return unknown.apply(ids);
            }

            @Override
            public Set<String> inactive(Collection<String> ids) {
                return inactive.apply(ids);
            }
        };
    }
}
