package io.chartersync.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Calendar entries in plain SQL. */
final class CalendarStore {
    private static final TypeReference<List<CalendarPort.Assignment>> ASSIGNMENTS = new TypeReference<>() {};
    private static final String COLUMNS =
            "id, booking_id, event_type, local_date, start_time, time_zone, starts_at, ends_at, duration_hours,"
                    + " location, guest_name, boat, assignments::text as assignments, status, sequence";
    private final Jdbi jdbi;
    private final ObjectMapper json;

    CalendarStore(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    UUID insert(Handle h, EntryInput in) {
        UUID id = UUID.randomUUID();
        h.createUpdate("""
            insert into calendar_entry (id, booking_id, event_type, local_date, start_time, time_zone, starts_at,
              ends_at, duration_hours, location, guest_name, boat, assignments, status)
            values (:id, :booking, :type, :date, :time, :zone, :starts, :ends, :hours, :location, :guest, :boat,
              cast(:assignments as jsonb), :status)""").bind("id", id).bindMap(bindings(in)).execute();
        return id;
    }

    /** Updates the entry if anything changed, bumping its sequence; answers whether it changed. */
    boolean update(Handle h, UUID id, EntryInput in) {
        return h.createUpdate("""
                update calendar_entry set event_type = :type, local_date = :date, start_time = :time, time_zone = :zone,
                  starts_at = :starts, ends_at = :ends, duration_hours = :hours, location = :location,
                  guest_name = :guest, boat = :boat, assignments = cast(:assignments as jsonb), status = :status,
                  sequence = sequence + 1, updated_at = now()
                where id = :id and (event_type, local_date, start_time, time_zone, duration_hours, location,
                  guest_name, boat, assignments, status)
                  is distinct from (:type, :date, :time, :zone, cast(:hours as numeric), :location, :guest, :boat,
                  cast(:assignments as jsonb), :status)""").bind("id", id).bindMap(bindings(in)).execute() == 1;
    }

    Optional<UUID> idForBooking(Handle h, UUID bookingId) {
        return h.createQuery("select id from calendar_entry where booking_id = :booking for update")
                .bind("booking", bookingId)
                .mapTo(UUID.class)
                .findOne();
    }

    Optional<CalendarEntry> find(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from calendar_entry where id = :id")
                .bind("id", id)
                .map(this::entry)
                .findOne());
    }

    List<CalendarEntry> overlapping(Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from calendar_entry where starts_at < :to and ends_at > :from order by starts_at, id")
                .bind("from", from)
                .bind("to", to)
                .map(this::entry)
                .list());
    }

    private Map<String, Object> bindings(EntryInput in) {
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
        m.put("assignments", write(in.assignments()));
        m.put("status", in.cancelled() ? "cancelled" : "active");
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
            return new CalendarEntry(
                    rs.getObject("id", UUID.class),
                    rs.getObject("booking_id", UUID.class),
                    rs.getString("event_type"),
                    rs.getObject("local_date", java.time.LocalDate.class),
                    rs.getObject("start_time", java.time.LocalTime.class),
                    rs.getString("time_zone"),
                    rs.getObject("starts_at", java.time.OffsetDateTime.class).toInstant(),
                    rs.getObject("ends_at", java.time.OffsetDateTime.class).toInstant(),
                    rs.getBigDecimal("duration_hours").stripTrailingZeros(),
                    rs.getString("location"),
                    rs.getString("guest_name"),
                    rs.getString("boat"),
                    json.readValue(rs.getString("assignments"), ASSIGNMENTS),
                    rs.getString("status"),
                    rs.getInt("sequence"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("calendar entry " + rs.getObject("id") + " has unreadable assignments", e);
        }
    }
}
