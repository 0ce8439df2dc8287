package io.chartersync.calendar;

import io.chartersync.common.AppException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The calendar: entries created through its own API or kept in line with bookings. */
public final class CalendarService implements CalendarPort {
    private final Jdbi jdbi;
    private final CalendarStore store;
    private final ZoneId marinaZone;

    CalendarService(Jdbi jdbi, CalendarStore store, ZoneId marinaZone) {
        this.jdbi = jdbi;
        this.store = store;
        this.marinaZone = marinaZone;
    }

    public static CalendarService create(
            Jdbi jdbi, com.fasterxml.jackson.databind.ObjectMapper json, ZoneId marinaZone) {
        return new CalendarService(jdbi, new CalendarStore(jdbi, json), marinaZone);
    }

    @Override
    public String upsertForBooking(BookingEntry entry) {
        EntryInput in = new EntryInput(
                Optional.of(entry.bookingId()),
                "charter",
                entry.start().toLocalDate(),
                entry.start().toLocalTime(),
                entry.timeZone(),
                entry.durationHours(),
                entry.location(),
                entry.guestName(),
                entry.boat(),
                entry.assignments(),
                entry.cancelled());
        return jdbi.inTransaction(h -> {
                    Optional<UUID> existing = store.idForBooking(h, entry.bookingId());
                    if (existing.isPresent()) {
                        store.update(h, existing.get(), in);
                        return existing.get();
                    }
                    return store.insert(h, in);
                })
                .toString();
    }

    /** Creates an entry from the seed API; a booking has one entry, so a second one for it is a conflict. */
    UUID create(EntryInput in) {
        return jdbi.inTransaction(h -> {
            if (in.bookingId().isPresent()) {
                Optional<UUID> existing = store.idForBooking(h, in.bookingId().get());
                if (existing.isPresent()) {
                    throw new AppException.Conflict("booking " + in.bookingId().get() + " already has calendar entry "
                            + existing.get() + "; update that entry instead");
                }
            }
            return store.insert(h, in);
        });
    }

    CalendarEntry get(UUID id) {
        return store.find(id).orElseThrow(() -> new AppException.NotFound("calendar entry", id.toString()));
    }

    /** Entries overlapping the days {@code from}..{@code to} (inclusive) on the marina's clock. */
    List<CalendarEntry> between(LocalDate from, LocalDate to) {
        return store.overlapping(
                from.atStartOfDay(marinaZone).toInstant(),
                to.plusDays(1).atStartOfDay(marinaZone).toInstant());
    }

    ZoneId marinaZone() {
        return marinaZone;
    }
}
