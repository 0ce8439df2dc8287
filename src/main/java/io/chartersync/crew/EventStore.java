package io.chartersync.crew;

import java.math.BigDecimal;
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

/** Crew events and magic links in plain SQL. */
final class EventStore {
    private static final String EVENT_COLUMNS =
            "id, booking_id, event_name, boat, starts_at, time_zone, duration_hours, location, notes, guest_page_url,"
                    + " guest_name, party_size, captain_id, status, version";
    private static final String LINK_COLUMNS =
            "id, event_id, member_id, role, hourly_rate, expires_at, revoked_at, answer, answered_version, changes";

    Optional<StoredEvent> lockForBooking(Handle h, UUID bookingId) {
        return h.createQuery("select " + EVENT_COLUMNS + " from crew_event where booking_id = :b for update")
                .bind("b", bookingId)
                .map(EventStore::event)
                .findOne();
    }

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

    List<StoredEvent> between(Handle h, Instant from, Instant to) {
        return h.createQuery("select " + EVENT_COLUMNS + " from crew_event where starts_at < :to"
                        + " and starts_at + duration_hours * interval '1 hour' > :from order by starts_at, id")
                .bind("from", from)
                .bind("to", to)
                .map(EventStore::event)
                .list();
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

    void insertLink(Handle h, Link link, String tokenHash) {
        h.createUpdate("""
            insert into crew_link (id, event_id, member_id, role, hourly_rate, token_hash, expires_at)
            values (:id, :event, :member, :role, :rate, :hash, :expires)""")
                .bind("id", link.id())
                .bind("event", link.eventId())
                .bind("member", link.memberId())
                .bind("role", link.role())
                .bind("rate", link.hourlyRate().orElse(null))
                .bind("hash", tokenHash)
                .bind("expires", link.expiresAt())
                .execute();
    }

    List<Link> liveLinks(Handle h, UUID eventId) {
        return h.createQuery("select " + LINK_COLUMNS
                        + " from crew_link where event_id = :e and revoked_at is null order by created_at, id")
                .bind("e", eventId)
                .map(EventStore::link)
                .list();
    }

    /** The crew on an event now, with names and their answers to its current version, in one query. */
    List<CrewView.Teammate> teammates(Handle h, UUID eventId, int eventVersion) {
        return h.createQuery("""
            select coalesce(m.name, l.member_id) as name, l.role,
                   case when l.answered_version = :version then l.answer end as answer
            from crew_link l left join crew_member m on m.id = l.member_id
            where l.event_id = :e and l.revoked_at is null order by l.created_at, l.id""")
                .bind("e", eventId)
                .bind("version", eventVersion)
                .map((rs, ctx) -> new CrewView.Teammate(
                        rs.getString("name"),
                        rs.getString("role"),
                        Views.answerText(Optional.ofNullable(rs.getString("answer")))))
                .list();
    }

    /** The crew on an event now with their phone numbers, for the captain's briefing only. */
    List<CrewEmails.Contact> contacts(Handle h, UUID eventId, int eventVersion) {
        return h.createQuery("""
            select coalesce(m.name, l.member_id) as name, l.role, m.phone,
                   case when l.answered_version = :version then l.answer end as answer
            from crew_link l left join crew_member m on m.id = l.member_id
            where l.event_id = :e and l.revoked_at is null order by l.created_at, l.id""")
                .bind("e", eventId)
                .bind("version", eventVersion)
                .map((rs, ctx) -> new CrewEmails.Contact(
                        rs.getString("name"),
                        rs.getString("role"),
                        Views.answerText(Optional.ofNullable(rs.getString("answer"))),
                        Optional.ofNullable(rs.getString("phone"))))
                .list();
    }

    void summarySent(Handle h, UUID eventId, Instant at, String state) {
        h.createUpdate("update crew_event set summary_sent_at = :at, summary_hash = :state where id = :id")
                .bind("id", eventId)
                .bind("at", at)
                .bind("state", state)
                .execute();
    }

    /** What the last summary of the event said, its row locked until the caller's transaction ends. */
    Optional<String> lockSummaryHash(Handle h, UUID eventId) {
        return h.createQuery("select summary_hash from crew_event where id = :id for update")
                .bind("id", eventId)
                .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
                .one();
    }

    /** The event, locked for the caller's transaction, with when its captain's summary last went out. */
    Optional<Map.Entry<StoredEvent, Optional<Instant>>> lockWithSummaryTime(Handle h, UUID eventId) {
        return h.createQuery("select " + EVENT_COLUMNS + ", summary_sent_at from crew_event where id = :id for update")
                .bind("id", eventId)
                .map((rs, ctx) -> Map.entry(
                        event(rs, ctx),
                        Optional.ofNullable(rs.getObject("summary_sent_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .findOne();
    }

    Optional<StoredEvent> lock(Handle h, UUID id) {
        return h.createQuery("select " + EVENT_COLUMNS + " from crew_event where id = :id for update")
                .bind("id", id)
                .map(EventStore::event)
                .findOne();
    }

    /** Per event, how often this member's answers and assignments changed (for feed SEQUENCE). */
    Map<UUID, Integer> changesOfMember(Handle h, String memberId) {
        Map<UUID, Integer> changes = new HashMap<>();
        h.createQuery("select event_id, sum(changes) as changes from crew_link where member_id = :m group by event_id")
                .bind("m", memberId)
                .map((rs, ctx) -> Map.entry(rs.getObject("event_id", UUID.class), rs.getInt("changes")))
                .forEach(e -> changes.put(e.getKey(), e.getValue()));
        return changes;
    }

    Optional<Link> linkByTokenHash(Handle h, String tokenHash) {
        return h.createQuery("select " + LINK_COLUMNS + " from crew_link where token_hash = :hash")
                .bind("hash", tokenHash)
                .map(EventStore::link)
                .findOne();
    }

    List<Link> linksOfMember(Handle h, String memberId) {
        return h.createQuery("select " + LINK_COLUMNS + " from crew_link where member_id = :m order by created_at")
                .bind("m", memberId)
                .map(EventStore::link)
                .list();
    }

    void revoke(Handle h, UUID linkId, String reason, Instant at) {
        h.createUpdate(
                        "update crew_link set revoked_at = :at, revoked_reason = :reason where id = :id and revoked_at is null")
                .bind("id", linkId)
                .bind("reason", reason)
                .bind("at", at)
                .execute();
    }

    /** A new role or rate for a live link; the member's answer is cleared, since it was for the old one. */
    void reassign(Handle h, Link link) {
        h.createUpdate("""
            update crew_link set role = :role, hourly_rate = :rate, answer = null, answered_at = null, answered_version = null,
              changes = changes + 1
            where id = :id and revoked_at is null""")
                .bind("id", link.id())
                .bind("role", link.role())
                .bind("rate", link.hourlyRate().orElse(null))
                .execute();
    }

    void extend(Handle h, UUID eventId, Instant expiresAt) {
        h.createUpdate("update crew_link set expires_at = :expires where event_id = :e and revoked_at is null")
                .bind("e", eventId)
                .bind("expires", expiresAt)
                .execute();
    }

    /** Records the answer; false when the link already holds it for this version (nothing changed). */
    boolean answer(Handle h, UUID linkId, String answer, int eventVersion, Instant at) {
        return h.createUpdate("""
                update crew_link set answer = :answer, answered_at = :at, answered_version = :version,
                  changes = changes + 1
                where id = :id and revoked_at is null
                  and (answer is distinct from :answer or answered_version is distinct from :version)""")
                        .bind("id", linkId)
                        .bind("answer", answer)
                        .bind("version", eventVersion)
                        .bind("at", at)
                        .execute()
                == 1;
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

    static StoredEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
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

    private static Link link(ResultSet rs, StatementContext ctx) throws SQLException {
        BigDecimal rate = rs.getBigDecimal("hourly_rate");
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Link(
                rs.getObject("id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getString("member_id"),
                rs.getString("role"),
                Optional.ofNullable(rate).map(BigDecimal::stripTrailingZeros),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(revoked).map(OffsetDateTime::toInstant),
                Optional.ofNullable(rs.getString("answer")),
                Optional.ofNullable((Integer) rs.getObject("answered_version")),
                rs.getInt("changes"));
    }
}
