package io.chartersync.crew;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Magic links ({@code crew_link}) in plain SQL; the only class that reads or writes that table. The crew
 * lists join the roster's names and phones (read only). A link's writes run under its event's row lock,
 * which the caller takes through {@link EventStore}.
 */
final class LinkStore {
    private static final String LINK_COLUMNS =
            "id, event_id, member_id, role, hourly_rate, expires_at, revoked_at, answer, answered_version, changes";

    /** How often one member's answers and assignments on one event changed. */
    private record ChangeCount(UUID eventId, int changes) {}

    Optional<Link> findByTokenHash(Handle h, String tokenHash) {
        return h.createQuery("select " + LINK_COLUMNS + " from crew_link where token_hash = :hash")
                .bind("hash", tokenHash)
                .map(LinkStore::link)
                .findOne();
    }

    /** Why the link was revoked, in words for its member. */
    Optional<String> findRevokedReason(Handle h, UUID linkId) {
        return h.createQuery("select revoked_reason from crew_link where id = :id")
                .bind("id", linkId)
                .mapTo(String.class)
                .findOne();
    }

    /** The event's links that are not revoked, in the order they were made. */
    List<Link> findLive(Handle h, UUID eventId) {
        return h.createQuery("select " + LINK_COLUMNS
                        + " from crew_link where event_id = :e and revoked_at is null order by created_at, id")
                .bind("e", eventId)
                .map(LinkStore::link)
                .list();
    }

    /** Every link the member ever had, revoked ones included, in the order they were made. */
    List<Link> findOfMember(Handle h, String memberId) {
        return h.createQuery("select " + LINK_COLUMNS + " from crew_link where member_id = :m order by created_at")
                .bind("m", memberId)
                .map(LinkStore::link)
                .list();
    }

    /** Per event, how often this member's answers and assignments changed (for feed SEQUENCE). */
    Map<UUID, Integer> findChangesOfMember(Handle h, String memberId) {
        return h
                .createQuery(
                        "select event_id, sum(changes) as changes from crew_link where member_id = :m group by event_id")
                .bind("m", memberId)
                .map((rs, ctx) -> new ChangeCount(rs.getObject("event_id", UUID.class), rs.getInt("changes")))
                .stream()
                .collect(Collectors.toMap(ChangeCount::eventId, ChangeCount::changes));
    }

    /** The crew on an event now, with names and their answers to its current version, in one query. */
    List<CrewView.Teammate> findTeammates(Handle h, UUID eventId, int eventVersion) {
        return h.createQuery("""
            select coalesce(m.name, l.member_id) as name, l.role,
                   case when l.answered_version = :version then l.answer end as answer
            from crew_link l left join crew_member m on m.id = l.member_id
            where l.event_id = :e and l.revoked_at is null order by l.created_at, l.id""")
                .bind("e", eventId)
                .bind("version", eventVersion)
                .map((rs, ctx) -> new CrewView.Teammate(
                        rs.getString("name"), rs.getString("role"), CrewAnswer.statusOf(answer(rs))))
                .list();
    }

    /** The crew on an event now with names, answers to its current version and when they were asked. */
    List<CrewPort.CrewState> findCrewStates(Handle h, UUID eventId, int eventVersion) {
        return h.createQuery("""
            select l.member_id, coalesce(m.name, l.member_id) as name, l.role, l.created_at,
                   case when l.answered_version = :version then l.answer end as answer,
                   case when l.answered_version = :version then l.answered_at end as answered_at
            from crew_link l left join crew_member m on m.id = l.member_id
            where l.event_id = :e and l.revoked_at is null order by l.created_at, l.id""")
                .bind("e", eventId)
                .bind("version", eventVersion)
                .map((rs, ctx) -> new CrewPort.CrewState(
                        rs.getString("member_id"),
                        rs.getString("name"),
                        rs.getString("role"),
                        answer(rs)
                                .map(a -> a == CrewAnswer.CONFIRM ? CrewPort.Reply.CONFIRMED : CrewPort.Reply.DECLINED),
                        Optional.ofNullable(rs.getObject("answered_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The crew on an event now with their phone numbers, for the captain's briefing only. */
    List<CrewEmails.Contact> findContacts(Handle h, UUID eventId, int eventVersion) {
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
                        CrewAnswer.statusOf(answer(rs)),
                        Optional.ofNullable(rs.getString("phone"))))
                .list();
    }

    void insert(Handle h, Link link, String tokenHash) {
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

    /** Moves the expiry of the event's live links (the charter moved). */
    void extendLive(Handle h, UUID eventId, Instant expiresAt) {
        h.createUpdate("update crew_link set expires_at = :expires where event_id = :e and revoked_at is null")
                .bind("e", eventId)
                .bind("expires", expiresAt)
                .execute();
    }

    /** Records the answer; false when the link already holds it for this version (nothing changed). */
    boolean recordAnswer(Handle h, UUID linkId, CrewAnswer answer, int eventVersion, Instant at) {
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

    private static Optional<CrewAnswer> answer(ResultSet rs) throws SQLException {
        return Optional.ofNullable(rs.getString("answer")).map(CrewAnswer::stored);
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
                answer(rs),
                Optional.ofNullable((Integer) rs.getObject("answered_version")),
                rs.getInt("changes"));
    }
}
