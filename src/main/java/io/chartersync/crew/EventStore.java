package io.chartersync.crew;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Crew events ({@code crew_event}) in plain SQL; the only class that reads or writes that table. */
final class EventStore {
    private static final String EVENT_COLUMNS =
            "id, booking_id, event_name, boat, starts_at, time_zone, duration_hours, location, notes, guest_page_url,"
                    + " guest_name, party_size, captain_id, status, version";

    /** An event with when its captain's summary last went out (empty: never). */
    record EventWithSummaryTime(StoredEvent event, Optional<Instant> summarySentAt) {}

    Optional<StoredEvent> find(Handle h, UUID id) {
        return h.createQuery("select " + EVENT_COLUMNS + " from crew_event where id = :id")
                .bind("id", id)
                .map(EventStore::event)
                .findOne();
    }

    Optional<StoredEvent> findForBooking(Handle h, UUID bookingId) {
        return h.createQuery("select " + EVENT_COLUMNS + " from crew_event where booking_id = :b")
                .bind("b", bookingId)
                .map(EventStore::event)
                .findOne();
    }

    /** The events under way at some time in [from, to), by start. */
    List<StoredEvent> findBetween(Handle h, Instant from, Instant to) {
        return h.createQuery("select " + EVENT_COLUMNS + " from crew_event where starts_at < :to"
                        + " and starts_at + duration_hours * interval '1 hour' > :from order by starts_at, id")
                .bind("from", from)
                .bind("to", to)
                .map(EventStore::event)
                .list();
    }

    /** The event, its row locked until the caller's transaction ends. */
    Optional<StoredEvent> lock(Handle h, UUID id) {
        return h.createQuery("select " + EVENT_COLUMNS + " from crew_event where id = :id for update")
                .bind("id", id)
                .map(EventStore::event)
                .findOne();
    }

    /** The booking's event, its row locked until the caller's transaction ends. */
    Optional<StoredEvent> lockForBooking(Handle h, UUID bookingId) {
        return h.createQuery("select " + EVENT_COLUMNS + " from crew_event where booking_id = :b for update")
                .bind("b", bookingId)
                .map(EventStore::event)
                .findOne();
    }

    /** The event, locked for the caller's transaction, with when its captain's summary last went out. */
    Optional<EventWithSummaryTime> lockWithSummaryTime(Handle h, UUID eventId) {
        return h.createQuery("select " + EVENT_COLUMNS + ", summary_sent_at from crew_event where id = :id for update")
                .bind("id", eventId)
                .map((rs, ctx) -> new EventWithSummaryTime(
                        event(rs, ctx),
                        Optional.ofNullable(rs.getObject("summary_sent_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .findOne();
    }

    /** What the last summary of the event said, its row locked until the caller's transaction ends. */
    Optional<String> lockSummaryHash(Handle h, UUID eventId) {
        return h.createQuery("select summary_hash from crew_event where id = :id for update")
                .bind("id", eventId)
                .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
                .one();
    }

    void insert(Handle h, StoredEvent e) {
        h.createUpdate("""
            insert into crew_event (id, booking_id, event_name, boat, starts_at, time_zone, duration_hours, location,
              notes, guest_page_url, guest_name, party_size, captain_id, status, version)
            values (:id, :booking, :name, :boat, :starts, :zone, :hours, :location, :notes, :url, :guest, :party,
              :captain, :status, :version)""").bindMap(bindings(e)).execute();
    }

    void update(Handle h, StoredEvent e) {
        h.createUpdate("""
            update crew_event set event_name = :name, boat = :boat, starts_at = :starts, time_zone = :zone,
              duration_hours = :hours, location = :location, notes = :notes, guest_page_url = :url,
              guest_name = :guest, party_size = :party, captain_id = :captain, status = :status,
              version = :version, updated_at = now()
            where id = :id""").bindMap(bindings(e)).execute();
    }

    void recordSummarySent(Handle h, UUID eventId, Instant at, String state) {
        h.createUpdate("update crew_event set summary_sent_at = :at, summary_hash = :state where id = :id")
                .bind("id", eventId)
                .bind("at", at)
                .bind("state", state)
                .execute();
    }

    private static Map<String, Object> bindings(StoredEvent e) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", e.id());
        m.put("booking", e.bookingId().orElse(null));
        m.put("name", e.eventName());
        m.put("boat", e.boat());
        m.put("starts", e.startsAt());
        m.put("zone", e.zone().getId());
        m.put("hours", e.durationHours());
        m.put("location", e.location());
        m.put("notes", e.notes());
        m.put("url", e.guestPageUrl());
        m.put("guest", e.guestName());
        m.put("party", e.partySize().orElse(null));
        m.put("captain", e.captainId().orElse(null));
        m.put("status", e.cancelled() ? "cancelled" : "active");
        m.put("version", e.version());
        return m;
    }

    private static StoredEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredEvent(
                rs.getObject("id", UUID.class),
                Optional.ofNullable(rs.getObject("booking_id", UUID.class)),
                rs.getString("event_name"),
                rs.getString("boat"),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                ZoneId.of(rs.getString("time_zone")),
                rs.getBigDecimal("duration_hours").stripTrailingZeros(),
                rs.getString("location"),
                rs.getString("notes"),
                rs.getString("guest_page_url"),
                rs.getString("guest_name"),
                Optional.ofNullable((Integer) rs.getObject("party_size")),
                Optional.ofNullable(rs.getString("captain_id")),
                "cancelled".equals(rs.getString("status")),
                rs.getInt("version"));
    }
}
