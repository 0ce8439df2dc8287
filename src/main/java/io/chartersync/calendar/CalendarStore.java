package io.chartersync.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartersync.common.BoatNames;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Calendar entries in plain SQL, the one owner of {@code calendar_entry} and {@code calendar_crew}. A status
 * is written as its {@link EntryStatus#wire() wire} form; filters name it in the SQL itself, so the planner
 * can use the partial indexes of the conflict rules ({@code where status = 'active'}).
 */
final class CalendarStore {
    private static final TypeReference<List<CalendarPort.Assignment>> ASSIGNMENTS = new TypeReference<>() {};
    private static final String COLUMNS =
            "id, booking_id, event_type, local_date, start_time, time_zone, starts_at, ends_at, duration_hours,"
                    + " location, guest_name, boat, assignments::text as assignments, status, conflict_with, sequence";
    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final Clock clock;

    /** {@code cancelled_at} is written on {@code clock}, which also decides how long the feed keeps a cancel. */
    CalendarStore(Jdbi jdbi, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.json = json;
        this.clock = clock;
    }

    /** How an entry is written: active (held by the conflict rules), cancelled, or in conflict with another. */
    record State(EntryStatus status, Optional<UUID> conflictWith) {
        static State of(EntryInput in) {
            return new State(in.cancelled() ? EntryStatus.CANCELLED : EntryStatus.ACTIVE, Optional.empty());
        }

        static State conflict(UUID other) {
            return new State(EntryStatus.CONFLICT, Optional.of(other));
        }
    }

    UUID insert(Handle h, EntryInput in, State state) {
        UUID id = UUID.randomUUID();
        h.createUpdate("""
            insert into calendar_entry (id, booking_id, event_type, local_date, start_time, time_zone, starts_at,
              ends_at, duration_hours, location, guest_name, boat, boat_key, assignments, status, conflict_with, cancelled_at,
              conflict_since)
            values (:id, :booking, :type, :date, :time, :zone, :starts, :ends, :hours, :location, :guest, :boat, :boatKey,
              cast(:assignments as jsonb), :status, :conflict, case when :status = 'cancelled' then cast(:now as timestamptz) end,
              case when :status = 'conflict' then cast(:now as timestamptz) end)""").bind("id", id).bindMap(bindings(in, state)).execute();
        crew(h, id, in, state);
        return id;
    }

    /** Updates the entry if anything changed, bumping its sequence; answers whether it changed. */
    boolean update(Handle h, UUID id, EntryInput in, State state) {
        boolean changed =
                h.createUpdate("""
                update calendar_entry set event_type = :type, local_date = :date, start_time = :time, time_zone = :zone,
                  starts_at = :starts, ends_at = :ends, duration_hours = :hours, location = :location,
                  guest_name = :guest, boat = :boat, boat_key = :boatKey, assignments = cast(:assignments as jsonb), status = :status,
                  conflict_with = :conflict,
                  cancelled_at = case when :status = 'cancelled' then coalesce(cancelled_at, cast(:now as timestamptz)) end,
                  conflict_since = case when :status = 'conflict' then coalesce(conflict_since, cast(:now as timestamptz)) end,
                  sequence = sequence + 1, updated_at = now()
                where id = :id and (event_type, local_date, start_time, time_zone, duration_hours, location,
                  guest_name, boat, assignments, status, conflict_with)
                  is distinct from (:type, :date, :time, :zone, cast(:hours as numeric), :location, :guest, :boat,
                  cast(:assignments as jsonb), :status, cast(:conflict as uuid))""").bind("id", id).bindMap(bindings(in, state)).execute() == 1;
        if (changed) {
            crew(h, id, in, state);
        }
        return changed;
    }

    /** Cancels an entry (it stays, status cancelled); answers whether it was not cancelled before. */
    boolean cancel(Handle h, UUID id) {
        boolean changed =
                h.createUpdate("""
                update calendar_entry set status = 'cancelled', cancelled_at = :now, sequence = sequence + 1,
                  updated_at = now()
                where id = :id and status <> 'cancelled'""").bind("id", id).bind("now", clock.instant()).execute() == 1;
        h.createUpdate("update calendar_crew set active = false where entry_id = :id")
                .bind("id", id)
                .execute();
        return changed;
    }

    /**
     * Entries held in conflict by {@code blocker} get their turn once it was cancelled or moved: each becomes
     * active if it no longer clashes (its sequence rises), or points at what it clashes with now. Answers
     * the entries it looked at.
     */
    List<UUID> releaseBlockedBy(Handle h, UUID blocker) {
        List<UUID> blocked = h.createQuery(
                        "select id from calendar_entry where status = 'conflict' and conflict_with = :b order by starts_at, id")
                .bind("b", blocker)
                .mapTo(UUID.class)
                .list();
        for (UUID id : blocked) {
            h.savepoint("release");
            try {
                h.createUpdate("""
                        update calendar_entry set status = 'active', conflict_with = null, conflict_since = null, sequence = sequence + 1,
                          updated_at = now() where id = :id""").bind("id", id).execute();
                h.createUpdate("update calendar_crew set active = true where entry_id = :id")
                        .bind("id", id)
                        .execute();
                h.releaseSavepoint("release");
            } catch (UnableToExecuteStatementException e) {
                if (!(e.getCause() instanceof java.sql.SQLException sql && "23P01".equals(sql.getSQLState()))) {
                    throw e;
                }
                h.rollbackToSavepoint("release");
                h.createUpdate("update calendar_entry set conflict_with = :other, updated_at = now() where id = :id")
                        .bind("id", id)
                        .bind("other", findClashOf(h, id).orElse(blocker))
                        .execute();
            }
        }
        return blocked;
    }

    /** An active entry, other than {@code id}, holding its boat or one of its crew at its time. */
    private Optional<UUID> findClashOf(Handle h, UUID id) {
        return h.createQuery("""
                select o.id from calendar_entry e join calendar_entry o
                  on o.status = 'active' and o.id <> e.id
                 and tstzrange(o.starts_at, o.ends_at) && tstzrange(e.starts_at, e.ends_at)
                 and ((o.boat_key = e.boat_key and e.boat_key <> '')
                      or exists (select 1 from calendar_crew oc join calendar_crew ec on ec.member_id = oc.member_id
                                 where oc.entry_id = o.id and ec.entry_id = e.id))
                where e.id = :id order by o.starts_at limit 1""").bind("id", id).mapTo(UUID.class).findOne();
    }

    /** The named crew of an entry, active while the entry is, so the crew rule applies to them. */
    private void crew(Handle h, UUID id, EntryInput in, State state) {
        h.createUpdate("delete from calendar_crew where entry_id = :id")
                .bind("id", id)
                .execute();
        for (String member : in.members()) {
            h.createUpdate("""
                    insert into calendar_crew (entry_id, member_id, starts_at, ends_at, active)
                    values (:id, :member, :starts, :ends, :active)""")
                    .bind("id", id)
                    .bind("member", member)
                    .bind("starts", in.startsAt())
                    .bind("ends", in.endsAt())
                    .bind("active", state.status() == EntryStatus.ACTIVE)
                    .execute();
        }
    }

    /**
     * An active entry, other than {@code self}, that holds the same boat (by {@link BoatNames#key}) or a named
     * member at that time.
     */
    Optional<UUID> findClash(Handle h, EntryInput in, Optional<UUID> self) {
        return h.createQuery("""
                select e.id from calendar_entry e
                where e.status = 'active' and e.id <> coalesce(cast(:self as uuid), '00000000-0000-0000-0000-000000000000')
                  and tstzrange(e.starts_at, e.ends_at) && tstzrange(:starts, :ends)
                  and ((e.boat_key = :boat and :boat <> '')
                       or exists (select 1 from calendar_crew c where c.entry_id = e.id and c.member_id = any(:members)))
                order by e.starts_at limit 1""")
                .bind("self", self.orElse(null))
                .bind("starts", in.startsAt())
                .bind("ends", in.endsAt())
                .bind("boat", BoatNames.key(in.boat()))
                .bind("members", in.members().toArray(String[]::new))
                .mapTo(UUID.class)
                .findOne();
    }

    /** The booking's entry, locked for the rest of the transaction (so two writes for one booking queue up). */
    Optional<UUID> lockIdForBooking(Handle h, UUID bookingId) {
        return h.createQuery("select id from calendar_entry where booking_id = :booking for update")
                .bind("booking", bookingId)
                .mapTo(UUID.class)
                .findOne();
    }

    Optional<UUID> findIdForBooking(Handle h, UUID bookingId) {
        return h.createQuery("select id from calendar_entry where booking_id = :booking")
                .bind("booking", bookingId)
                .mapTo(UUID.class)
                .findOne();
    }

    /** The entry a booking's entry clashed with, while the booking's entry is held in conflict. */
    Optional<UUID> findConflictWith(UUID bookingId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select conflict_with from calendar_entry where booking_id = :b and status = 'conflict'")
                .bind("b", bookingId)
                .mapTo(UUID.class)
                .findOne());
    }

    /** The entry a booking's entry clashes with, with when the clash began, while it is held in conflict. */
    Optional<Clash> findClashDetails(UUID bookingId) {
        return jdbi.withHandle(h -> h.createQuery("""
                select o.id, o.booking_id, o.guest_name, o.boat, o.event_type, o.starts_at,
                       (o.boat = e.boat and e.boat <> '') as same_boat,
                       coalesce(e.conflict_since, e.updated_at) as since
                from calendar_entry e join calendar_entry o on o.id = e.conflict_with
                where e.booking_id = :b and e.status = 'conflict'""")
                .bind("b", bookingId)
                .map((rs, ctx) -> new Clash(
                        rs.getObject("id", UUID.class),
                        Optional.ofNullable(rs.getObject("booking_id", UUID.class)),
                        Optional.ofNullable(rs.getString("guest_name")).filter(n -> !n.isBlank()),
                        Optional.ofNullable(rs.getString("boat")).filter(b -> !b.isBlank()),
                        rs.getString("event_type"),
                        rs.getObject("starts_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getBoolean("same_boat"),
                        rs.getObject("since", java.time.OffsetDateTime.class).toInstant()))
                .findOne());
    }

    /** The other entry of a clash, as {@link #findClashDetails} reads it. */
    record Clash(
            UUID otherId,
            Optional<UUID> otherBookingId,
            Optional<String> otherGuestName,
            Optional<String> otherBoat,
            String otherEventType,
            Instant otherStartsAt,
            boolean sameBoat,
            Instant since) {}

    Optional<CalendarEntry> find(UUID id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    Optional<CalendarEntry> find(Handle h, UUID id) {
        return h.createQuery("select " + COLUMNS + " from calendar_entry where id = :id")
                .bind("id", id)
                .map(this::entry)
                .findOne();
    }

    /** Locks the entry for the rest of the transaction, so what it was before a write is what the write changed. */
    Optional<CalendarEntry> lock(Handle h, UUID id) {
        return h.createQuery("select " + COLUMNS + " from calendar_entry where id = :id for update")
                .bind("id", id)
                .map(this::entry)
                .findOne();
    }

    List<CalendarEntry> findOverlapping(Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from calendar_entry where starts_at < :to and ends_at > :from order by starts_at, id")
                .bind("from", from)
                .bind("to", to)
                .map(this::entry)
                .list());
    }

    /** Every entry of one boat (by {@link BoatNames#key}) or all, cancelled ones for 30 days after their cancel. */
    List<CalendarEntry> findForFeed(Optional<String> boat) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + """
                 from calendar_entry
                where (status <> 'cancelled' or cancelled_at > cast(:now as timestamptz) - interval '30 days')
                  and (cast(:boat as text) is null or boat_key = :boat)
                order by starts_at, id""")
                .bind("boat", boat.map(BoatNames::key).orElse(null))
                .bind("now", clock.instant())
                .map(this::entry)
                .list());
    }

    private Map<String, Object> bindings(EntryInput in, State state) {
        Map<String, Object> m = new HashMap<>();
        m.put("booking", in.bookingId().orElse(null));
        m.put("type", in.eventType());
        m.put("date", in.date());
        m.put("time", in.startTime());
        m.put("zone", in.zone().getId());
        m.put("starts", in.startsAt());
        m.put("ends", in.endsAt());
        m.put("hours", in.durationHours());
        m.put("location", in.location());
        m.put("guest", in.guestName());
        m.put("boat", in.boat());
        m.put("boatKey", BoatNames.key(in.boat()));
        m.put("assignments", write(in.assignments()));
        m.put("status", state.status().wire());
        m.put("conflict", state.conflictWith().orElse(null));
        m.put("now", clock.instant());
        return m;
    }

    private String write(List<CalendarPort.Assignment> assignments) {
        try {
            return json.writeValueAsString(assignments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assignments could not be written", e);
        }
    }

    private CalendarEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        try {
            List<CalendarPort.Assignment> assignments = json.readValue(rs.getString("assignments"), ASSIGNMENTS);
            BigDecimal hours = rs.getBigDecimal("duration_hours").stripTrailingZeros();
            return new CalendarEntry(
                    rs.getObject("id", UUID.class),
                    rs.getObject("booking_id", UUID.class),
                    rs.getString("event_type"),
                    rs.getObject("local_date", java.time.LocalDate.class),
                    rs.getObject("start_time", java.time.LocalTime.class),
                    rs.getString("time_zone"),
                    rs.getObject("starts_at", java.time.OffsetDateTime.class).toInstant(),
                    rs.getObject("ends_at", java.time.OffsetDateTime.class).toInstant(),
                    hours,
                    rs.getString("location"),
                    rs.getString("guest_name"),
                    rs.getString("boat"),
                    assignments,
                    EntryStatus.fromWire(rs.getString("status")),
                    Optional.ofNullable(rs.getObject("conflict_with", UUID.class)),
                    rs.getInt("sequence"),
                    LaborCost.of(assignments, hours));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("calendar entry " + rs.getObject("id") + " has unreadable assignments", e);
        }
    }
}
