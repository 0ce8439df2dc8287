package io.chartersync.guestpage;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Boat profiles ({@code boat_profile}) in plain SQL: what each boat's guests should bring. */
final class BoatStore {

    /** The boat's own list, if it has one. */
    Optional<List<String>> findWhatToBring(Handle h, String boat) {
        return h.createQuery("select what_to_bring from boat_profile where boat = :b")
                .bind("b", boat)
                .map((rs, ctx) -> List.of((String[]) rs.getArray(1).getArray()))
                .findOne();
    }

    void saveWhatToBring(Handle h, String boat, List<String> items) {
        h.createUpdate("""
            insert into boat_profile (boat, what_to_bring) values (:b, :items)
            on conflict (boat) do update set what_to_bring = excluded.what_to_bring, updated_at = now()""")
                .bind("b", boat)
                .bind("items", items.toArray(String[]::new))
                .execute();
    }
}
