package io.chartersync.guestpage;

import io.chartersync.common.BoatNames;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Boat profiles ({@code boat_profile}) in plain SQL: each boat's display name, what its guests should bring,
 * where they meet it and a link to a map of that place. A row is keyed by the boat's {@link BoatNames#key key};
 * its display name is the one registered with {@code PUT /api/boats/{boat}} (or the console), else the first
 * one seen on a booking.
 */
final class BoatStore {
    private static final String COLUMNS = "display_name, what_to_bring, meeting_point, map_url";

    /** A boat's row: its lists and meeting point only when set. */
    record Stored(
            String displayName,
            Optional<List<String>> whatToBring,
            Optional<String> meetingPoint,
            Optional<String> mapUrl) {}

    /** What a save changes: each field present is set (an empty optional inside clears it). */
    record Changes(
            String displayName,
            Optional<List<String>> whatToBring,
            Optional<Optional<String>> meetingPoint,
            Optional<Optional<String>> mapUrl) {}

    /** The boat's own list, if it has one. */
    Optional<List<String>> findWhatToBring(Handle h, String boat) {
        return find(h, boat).flatMap(Stored::whatToBring);
    }

    Optional<Stored> find(Handle h, String boat) {
        return h.createQuery("select " + COLUMNS + " from boat_profile where boat = :b")
                .bind("b", BoatNames.key(boat))
                .map(BoatStore::stored)
                .findOne();
    }

    /** Every boat known (registered, or seen on a booking), by display name. */
    List<Stored> findAll(Handle h) {
        return h.createQuery("select " + COLUMNS + " from boat_profile order by lower(display_name), boat")
                .map(BoatStore::stored)
                .list();
    }

    /** Saves what {@code changes} holds, registering its display name for {@code boat}. */
    void save(Handle h, String boat, Changes changes) {
        h.createUpdate("""
            insert into boat_profile (boat, display_name, what_to_bring, meeting_point, map_url)
            values (:b, :name, :items, :meeting, :map)
            on conflict (boat) do update set display_name = excluded.display_name,
              what_to_bring = case when :setItems then excluded.what_to_bring else boat_profile.what_to_bring end,
              meeting_point = case when :setMeeting then excluded.meeting_point else boat_profile.meeting_point end,
              map_url = case when :setMap then excluded.map_url else boat_profile.map_url end,
              updated_at = now()""")
                .bind("b", BoatNames.key(boat))
                .bind("name", changes.displayName())
                .bind(
                        "items",
                        changes.whatToBring().map(l -> l.toArray(String[]::new)).orElse(null))
                .bind("setItems", changes.whatToBring().isPresent())
                .bind("meeting", changes.meetingPoint().flatMap(m -> m).orElse(null))
                .bind("setMeeting", changes.meetingPoint().isPresent())
                .bind("map", changes.mapUrl().flatMap(m -> m).orElse(null))
                .bind("setMap", changes.mapUrl().isPresent())
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

    private static Stored stored(ResultSet rs, StatementContext ctx) throws SQLException {
        Array items = rs.getArray("what_to_bring");
        return new Stored(
                rs.getString("display_name"),
                items == null ? Optional.empty() : Optional.of(List.of((String[]) items.getArray())),
                Optional.ofNullable(rs.getString("meeting_point")),
                Optional.ofNullable(rs.getString("map_url")));
    }
}
