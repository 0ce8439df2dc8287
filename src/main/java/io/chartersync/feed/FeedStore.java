package io.chartersync.feed;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The tables {@code feed} and {@code feed_event}, in plain SQL: the only place that reads or writes them. */
final class FeedStore {
    private static final String FEED_COLUMNS = """
            id, source, boat, url, interval_minutes, auto_cancel, etag, last_modified, created_at, last_polled_at,
            last_ok_at, last_error, consecutive_failures, last_event_count""";

    private final Jdbi jdbi;

    FeedStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds a feed; false when a feed of the same source and URL exists already. */
    boolean insert(Handle h, Feed f) {
        return h.createUpdate("""
            insert into feed (id, source, boat, url, interval_minutes, auto_cancel, created_at)
            values (:id, :source, :boat, :url, :interval, :autoCancel, :createdAt)
            on conflict (source, url) do nothing""")
                        .bind("id", f.id())
                        .bind("source", f.source())
                        .bind("boat", f.boat())
                        .bind("url", f.url().toString())
                        .bind("interval", f.intervalMinutes())
                        .bind("autoCancel", f.autoCancel())
                        .bind("createdAt", f.createdAt())
                        .execute()
                == 1;
    }

    Optional<Feed> find(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select " + FEED_COLUMNS + " from feed where id = :id")
                .bind("id", id)
                .map(FeedStore::feed)
                .findOne());
    }

    /** Every feed, oldest first. */
    List<Feed> all() {
        return jdbi.withHandle(h -> h.createQuery("select " + FEED_COLUMNS + " from feed order by created_at, id")
                .map(FeedStore::feed)
                .list());
    }

    /** The feeds that failed {@link Feed#FAILING} times in a row or more. */
    List<Feed> failing() {
        return jdbi.withHandle(h -> h.createQuery("select " + FEED_COLUMNS
                        + " from feed where consecutive_failures >= :failing order by created_at, id")
                .bind("failing", Feed.FAILING)
                .map(FeedStore::feed)
                .list());
    }

    /** Deletes a feed and what it knew of its events; false when there was none. */
    boolean delete(Handle h, UUID id) {
        return h.createUpdate("delete from feed where id = :id").bind("id", id).execute() == 1;
    }

    /**
     * Holds the feed for a poll until {@code until}, unless another poll holds it now; the feed as it stands
     * when held, or empty (no such feed, or a poll in progress).
     */
    Optional<Feed> claim(UUID id, Instant now, Instant until) {
        return jdbi.withHandle(h -> h.createQuery("update feed set polling_until = :until where id = :id"
                        + " and (polling_until is null or polling_until <= :now) returning " + FEED_COLUMNS)
                .bind("id", id)
                .bind("now", now)
                .bind("until", until)
                .map(FeedStore::feed)
                .findOne());
    }

    /** A good poll: its time, the events ahead it listed, the validators to send next, the failures reset. */
    void recordSuccess(UUID id, Instant at, int events, FeedFetcher.Validators validators) {
        jdbi.useHandle(h -> h.createUpdate("""
            update feed set last_polled_at = :at, last_ok_at = :at, last_error = null, last_error_kind = null,
                            consecutive_failures = 0, last_event_count = :events, etag = :etag,
                            last_modified = :lastModified, polling_until = null
            where id = :id""")
                .bind("id", id)
                .bind("at", at)
                .bind("events", events)
                .bind("etag", validators.etag().orElse(null))
                .bind("lastModified", validators.lastModified().orElse(null))
                .execute());
    }

    /** A good poll that found the file unchanged (HTTP 304). */
    void recordNotModified(UUID id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
            update feed set last_polled_at = :at, last_ok_at = :at, last_error = null, last_error_kind = null,
                            consecutive_failures = 0, polling_until = null
            where id = :id""").bind("id", id).bind("at", at).execute());
    }

    /** A failed poll: why, and one more failure in a row. */
    void recordFailure(UUID id, Instant at, FeedFailure.Kind kind, String message) {
        jdbi.useHandle(h -> h.createUpdate("""
            update feed set last_polled_at = :at, last_error = :error, last_error_kind = :kind,
                            consecutive_failures = consecutive_failures + 1, polling_until = null
            where id = :id""")
                .bind("id", id)
                .bind("at", at)
                .bind("error", message)
                .bind("kind", kind.name())
                .execute());
    }

    /** Lets the feed go without recording a poll (one that stopped on an unexpected error). */
    void release(UUID id) {
        jdbi.useHandle(h -> h.createUpdate("update feed set polling_until = null where id = :id")
                .bind("id", id)
                .execute());
    }

    /** What the feed last said about each of its events, by UID. */
    Map<String, KnownEvent> events(UUID feedId) {
        Map<String, KnownEvent> byUid = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("select * from feed_event where feed_id = :feed order by uid")
                .bind("feed", feedId)
                .map(FeedStore::event)
                .forEach(e -> byUid.put(e.uid(), e)));
        return byUid;
    }

    /** Stores what the feed says of an event now (seen at {@code seenAt}). */
    void save(UUID feedId, KnownEvent e, Instant seenAt) {
        jdbi.useHandle(h -> h.createUpdate("""
            insert into feed_event (feed_id, uid, all_day, starts_at, ends_at, time_zone, guest_name, cancelled,
                                    booking_id, calendar_entry_id, seen_at, vanished_at, vanished_reason, kept_at)
            values (:feed, :uid, :allDay, :startsAt, :endsAt, :zone, :guest, :cancelled, :booking, :entry, :seenAt,
                    :vanishedAt, :reason, :keptAt)
            on conflict (feed_id, uid) do update set
              all_day = excluded.all_day, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
              time_zone = excluded.time_zone, guest_name = excluded.guest_name, cancelled = excluded.cancelled,
              booking_id = excluded.booking_id, calendar_entry_id = excluded.calendar_entry_id,
              seen_at = excluded.seen_at, vanished_at = excluded.vanished_at,
              vanished_reason = excluded.vanished_reason, kept_at = excluded.kept_at""")
                .bind("feed", feedId)
                .bind("uid", e.uid())
                .bind("allDay", e.allDay())
                .bind("startsAt", e.startsAt())
                .bind("endsAt", e.endsAt())
                .bind("zone", e.zone().getId())
                .bind("guest", e.guestName().orElse(null))
                .bind("cancelled", e.cancelled())
                .bind("booking", e.bookingId().orElse(null))
                .bind("entry", e.calendarEntryId().orElse(null))
                .bind("seenAt", seenAt)
                .bind("vanishedAt", e.vanishedAt().orElse(null))
                .bind("reason", e.vanishedReason().orElse(null))
                .bind("keptAt", e.keptAt().orElse(null))
                .execute());
    }

    /** Forgets an event (an all-day block the feed no longer lists, once its block is cancelled). */
    void forget(UUID feedId, String uid) {
        jdbi.useHandle(h -> h.createUpdate("delete from feed_event where feed_id = :feed and uid = :uid")
                .bind("feed", feedId)
                .bind("uid", uid)
                .execute());
    }

    /** Flags the booking's event vanished ("gone" or "cancelled") since {@code at}. */
    void vanish(UUID feedId, String uid, Instant at, String reason) {
        jdbi.useHandle(h -> h.createUpdate("""
            update feed_event set vanished_at = :at, vanished_reason = :reason
            where feed_id = :feed and uid = :uid""")
                .bind("feed", feedId)
                .bind("uid", uid)
                .bind("at", at)
                .bind("reason", reason)
                .execute());
    }

    /** The operator keeps the vanished booking: its flag is cleared; false when it was not flagged. */
    boolean keep(Handle h, UUID bookingId, Instant at) {
        return h.createUpdate("""
                    update feed_event set vanished_at = null, vanished_reason = null, kept_at = :at
                    where booking_id = :booking and vanished_at is not null""").bind("booking", bookingId).bind("at", at).execute() > 0;
    }

    /** A booking's {@code vanished_from_feed} flag: since when, why, and whose feed (source and boat). */
    record Vanished(Instant since, String reason, String source, String boat) {}

    Optional<Vanished> vanished(UUID bookingId) {
        return jdbi.withHandle(h -> h.createQuery("""
                select e.vanished_at, e.vanished_reason, f.source, f.boat
                from feed_event e join feed f on f.id = e.feed_id
                where e.booking_id = :booking and e.vanished_at is not null
                order by e.vanished_at limit 1""")
                .bind("booking", bookingId)
                .map((rs, ctx) -> new Vanished(
                        instant(rs, "vanished_at"),
                        rs.getString("vanished_reason"),
                        rs.getString("source"),
                        rs.getString("boat")))
                .findOne());
    }

    private static Feed feed(ResultSet rs, StatementContext ctx) throws SQLException {
        int count = rs.getInt("last_event_count");
        Optional<Integer> events = rs.wasNull() ? Optional.empty() : Optional.of(count);
        return new Feed(
                rs.getObject("id", UUID.class),
                rs.getString("source"),
                rs.getString("boat"),
                URI.create(rs.getString("url")),
                rs.getInt("interval_minutes"),
                rs.getBoolean("auto_cancel"),
                new FeedFetcher.Validators(
                        Optional.ofNullable(rs.getString("etag")), Optional.ofNullable(rs.getString("last_modified"))),
                instant(rs, "created_at"),
                Optional.ofNullable(instant(rs, "last_polled_at")),
                Optional.ofNullable(instant(rs, "last_ok_at")),
                Optional.ofNullable(rs.getString("last_error")),
                rs.getInt("consecutive_failures"),
                events);
    }

    private static KnownEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
        return new KnownEvent(
                rs.getString("uid"),
                rs.getBoolean("all_day"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                ZoneId.of(rs.getString("time_zone")),
                Optional.ofNullable(rs.getString("guest_name")),
                rs.getBoolean("cancelled"),
                Optional.ofNullable(rs.getObject("booking_id", UUID.class)),
                Optional.ofNullable(rs.getObject("calendar_entry_id", UUID.class)),
                Optional.ofNullable(instant(rs, "vanished_at")),
                Optional.ofNullable(rs.getString("vanished_reason")),
                Optional.ofNullable(instant(rs, "kept_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
