package io.chartersync.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartersync.common.Hashes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The tables {@code booking} and {@code booking_version}: bookings and their versions, in plain SQL. */
final class BookingStore implements BookingReader {
    private final Jdbi jdbi;
    private final ObjectMapper json;

    BookingStore(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    /** The canonical JSON of a booking; equal bookings give equal text. */
    String canonical(Booking booking) {
        try {
            return json.writeValueAsString(booking);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a booking could not be written as JSON", e);
        }
    }

    /** The booking as a JSON tree of the contract's field names, for comparing two versions. */
    JsonNode tree(Booking booking) {
        return json.valueToTree(booking);
    }

    String hash(Booking booking) {
        return Hashes.sha256Hex(canonical(booking));
    }

    /** Locks the booking with this natural key for the rest of the transaction. */
    Optional<Head> lockByNaturalKey(Handle h, String source, String externalId) {
        return h.createQuery("""
            select b.id, b.current_version, v.body_hash, v.cancelled
            from booking b join booking_version v on v.booking_id = b.id and v.version = b.current_version
            where b.source = :source and b.external_id = :external for update of b""")
                .bind("source", source)
                .bind("external", externalId)
                .map(BookingStore::head)
                .findOne();
    }

    /** Locks booking {@code id} for the rest of the transaction. */
    Optional<Head> lockById(Handle h, UUID id) {
        return h.createQuery("""
            select b.id, b.current_version, v.body_hash, v.cancelled
            from booking b join booking_version v on v.booking_id = b.id and v.version = b.current_version
            where b.id = :id for update of b""").bind("id", id).map(BookingStore::head).findOne();
    }

    /**
     * Inserts a new booking unless its natural key exists (a concurrent intake may have won); answers
     * whether it did.
     */
    boolean insertIfNew(Handle h, UUID id, Booking booking) {
        int rows = h.createUpdate("""
                insert into booking (id, source, external_id, current_version) values (:id, :source, :external, 1)
                on conflict (source, external_id) do nothing""")
                .bind("id", id)
                .bind("source", booking.source())
                .bind("external", booking.externalId())
                .execute();
        if (rows == 1) {
            insertVersion(h, id, 1, booking, false);
        }
        return rows == 1;
    }

    void insertVersion(Handle h, UUID id, int version, Booking booking, boolean cancelled) {
        h.createUpdate("""
            insert into booking_version (booking_id, version, body, body_hash, cancelled)
            values (:id, :version, cast(:body as jsonb), :hash, :cancelled)""")
                .bind("id", id)
                .bind("version", version)
                .bind("body", canonical(booking))
                .bind("hash", hash(booking))
                .bind("cancelled", cancelled)
                .execute();
        if (version > 1) {
            h.createUpdate("update booking set current_version = :version, updated_at = now() where id = :id")
                    .bind("id", id)
                    .bind("version", version)
                    .execute();
        }
    }

    Optional<StoredBooking> findCurrent(UUID id) {
        return jdbi.withHandle(h -> findCurrent(h, id));
    }

    @Override
    public Optional<StoredBooking> findCurrent(Handle h, UUID id) {
        return h.createQuery("""
            select v.booking_id, v.version, v.cancelled, v.body::text as body
            from booking b join booking_version v on v.booking_id = b.id and v.version = b.current_version
            where b.id = :id""").bind("id", id).map(this::stored).findOne();
    }

    Optional<StoredBooking> findVersion(Handle h, UUID id, int version) {
        return h.createQuery(
                        "select booking_id, version, cancelled, body::text as body from booking_version where booking_id = :id and version = :version")
                .bind("id", id)
                .bind("version", version)
                .map(this::stored)
                .findOne();
    }

    /** Every version of a booking, oldest first, with when each was accepted. */
    List<BookingDesk.Version> versions(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("""
                    select booking_id, version, cancelled, body::text as body, created_at from booking_version
                    where booking_id = :id order by version""")
                .bind("id", id)
                .map((rs, ctx) -> new BookingDesk.Version(
                        stored(rs, ctx),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list());
    }

    /**
     * Who may need attention: a booking whose charter ends after {@code now}, or one of {@code failedSyncs}
     * (after its end, only a failed sync needs the operator: see the status document's attention).
     */
    record MayNeedAttention(Instant now, Set<UUID> failedSyncs) {}

    /**
     * Newest first (received), filtered on what the body says: boat, start, guest name or external id;
     * {@code after} is the id of the last booking of the previous page. The state and attention filters
     * are the caller's, on each booking's status; {@code attention}, when given, leaves out the bookings
     * that cannot need it.
     */
    List<StoredBooking> list(
            BookingQuery query, Optional<UUID> after, int limit, Optional<MayNeedAttention> attention) {
        return jdbi.withHandle(h -> h.createQuery("""
                    select v.booking_id, v.version, v.cancelled, v.body::text as body
                    from booking b join booking_version v on v.booking_id = b.id and v.version = b.current_version
                    where (cast(:after as uuid) is null
                           or (b.created_at, b.id) < (select created_at, id from booking where id = cast(:after as uuid)))
                      and (cast(:boat as text) is null or lower(btrim(v.body->>'boat')) = lower(cast(:boat as text)))
                      and (cast(:from as timestamptz) is null
                           or cast(v.body->>'start' as timestamp) at time zone (v.body->>'time_zone') >= cast(:from as timestamptz))
                      and (cast(:to as timestamptz) is null
                           or cast(v.body->>'start' as timestamp) at time zone (v.body->>'time_zone') < cast(:to as timestamptz))
                      and (cast(:q as text) is null
                           or (v.body->'guest'->>'name') ilike cast(:q as text) escape '!'
                           or b.external_id ilike cast(:q as text) escape '!')
                      and (cast(:now as timestamptz) is null
                           or b.id = any(:failed)
                           or cast(v.body->>'start' as timestamp) at time zone (v.body->>'time_zone')
                              + cast(v.body->>'duration_hours' as numeric) * interval '1 hour' > cast(:now as timestamptz))
                    order by b.created_at desc, b.id desc
                    limit :limit""")
                .bind("after", after.orElse(null))
                .bind("boat", query.boat().orElse(null))
                .bind("from", query.from().orElse(null))
                .bind("to", query.to().orElse(null))
                .bind("q", query.q().map(BookingStore::contains).orElse(null))
                .bind(
                        "now",
                        attention.map(a -> a.now().atOffset(ZoneOffset.UTC)).orElse(null))
                .bind(
                        "failed",
                        attention.map(a -> a.failedSyncs().toArray(UUID[]::new)).orElse(new UUID[0]))
                .bind("limit", limit)
                .map(this::stored)
                .list());
    }

    /** A LIKE pattern for text containing {@code part}, its wildcards taken literally. */
    private static String contains(String part) {
        return "%" + part.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    boolean exists(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from booking where id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one()
                > 0);
    }

    /** The current version of the booking with this natural key. */
    Optional<StoredBooking> findByExternal(String source, String externalId) {
        return jdbi.withHandle(h -> h.createQuery("""
                    select v.booking_id, v.version, v.cancelled, v.body::text as body
                    from booking b join booking_version v on v.booking_id = b.id and v.version = b.current_version
                    where b.source = :source and b.external_id = :external""")
                .bind("source", source)
                .bind("external", externalId)
                .map(this::stored)
                .findOne());
    }

    private StoredBooking stored(java.sql.ResultSet rs, StatementContext ctx) throws java.sql.SQLException {
        try {
            return new StoredBooking(
                    rs.getObject("booking_id", UUID.class),
                    rs.getInt("version"),
                    rs.getBoolean("cancelled"),
                    json.readValue(rs.getString("body"), Booking.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored booking " + rs.getObject("booking_id") + " is unreadable", e);
        }
    }

    private static Head head(java.sql.ResultSet rs, StatementContext ctx) throws java.sql.SQLException {
        return new Head(
                rs.getObject("id", UUID.class),
                rs.getInt("current_version"),
                rs.getString("body_hash"),
                rs.getBoolean("cancelled"));
    }

    /** The current version of a booking, as seen under its row lock. */
    record Head(UUID id, int version, String bodyHash, boolean cancelled) {}
}
