package io.chartersync.guestpage;

import io.chartersync.common.BoatNames;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Boat profiles ({@code boat_profile}) in plain SQL: each boat's display name and what its guests should bring.
 * A row is keyed by the boat's {@link BoatNames#key key}; its display name is the one registered with {@code PUT
 * /api/boats/{boat}}, else the first one seen on a booking.
 */
final class BoatStore {

    /** The boat's own list, if it has one. */
    Optional<List<String>> findWhatToBring(Handle h, String boat) {
        return h.createQuery("select what_to_bring from boat_profile where boat = :b and what_to_bring is not null")
                .bind("b", BoatNames.key(boat))
                .map((rs, ctx) -> List.of((String[]) rs.getArray(1).getArray()))
                .findOne();
    }

    /** Saves the list and registers {@code boat}, as written, as the boat's display name. */
    void saveWhatToBring(Handle h, String boat, List<String> items) {
        h.createUpdate("""
            insert into boat_profile (boat, display_name, what_to_bring) values (:b, :name, :items)
            on conflict (boat) do update set display_name = excluded.display_name,
              what_to_bring = excluded.what_to_bring, updated_at = now()""")
                .bind("b", BoatNames.key(boat))
                .bind("name", BoatNames.display(boat))
                .bind("items", items.toArray(String[]::new))
                .execute();
    }

    /** The boat's display name, if it has one yet. */
    Optional<String> findDisplayName(Handle h, String boat) {
        return h.createQuery("select display_name from boat_profile where boat = :b")
                .bind("b", BoatNames.key(boat))
                .mapTo(String.class)
                .findOne();
    }

    /**
     * The boat's display name; a boat not seen before is registered under {@code boat} as written (the first
     * name seen), in the caller's transaction.
     */
    String displayName(Handle h, String boat) {
        h.createUpdate("""
            insert into boat_profile (boat, display_name) values (:b, :name) on conflict (boat) do nothing""")
                .bind("b", BoatNames.key(boat))
                .bind("name", BoatNames.display(boat))
                .execute();
        return findDisplayName(h, boat).orElseThrow();
    }
}
