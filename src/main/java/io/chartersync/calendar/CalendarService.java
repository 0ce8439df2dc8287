package io.chartersync.calendar;

import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.AppException;
import io.chartersync.db.Deadlocks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The calendar: entries created through its own API or kept in line with bookings. The database holds the
 * conflict rules (one active entry per boat at a time, one active charter per crew member at a time): the
 * seed API answers a clash with 409 naming the other entry; a booking cannot be refused, so its entry is
 * stored in status {@code conflict} with the other entry's id, for the operator to resolve.
 */
final class CalendarService implements CalendarPort {
    private static final String EXCLUSION_VIOLATION = "23P01";
    private final Jdbi jdbi;
    private final CalendarStore store;
    private final ZoneId marinaZone;
    private final AuditLog audit;

    CalendarService(Jdbi jdbi, CalendarStore store, ZoneId marinaZone, AuditLog audit) {
        this.jdbi = jdbi;
        this.store = store;
        this.marinaZone = marinaZone;
        this.audit = audit;
    }

    @Override
    public String upsertForBooking(BookingEntry entry, String actor) {
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
        try {
            return write(entry.bookingId(), in, CalendarStore.State.of(in), actor)
                    .toString();
        } catch (UnableToExecuteStatementException e) {
            if (!isClash(e)) {
                throw e;
            }
            UUID other = jdbi.withHandle(h -> store.findClash(h, in, store.findIdForBooking(h, entry.bookingId())))
                    .orElseThrow(() -> e);
            return write(entry.bookingId(), in, CalendarStore.State.conflict(other), actor)
                    .toString();
        }
    }

    @Override
    public Optional<String> conflictFor(UUID bookingId) {
        return store.findConflictWith(bookingId).map(UUID::toString);
    }

    @Override
    public Optional<Clash> clashFor(UUID bookingId) {
        return store.findConflictWith(bookingId)
                .flatMap(store::find)
                .map(other -> new Clash(
                        other.id().toString(),
                        Optional.ofNullable(other.bookingId()),
                        Objects.requireNonNullElse(other.guestName(), ""),
                        Objects.requireNonNullElse(other.boat(), ""),
                        other.startsAt().atZone(ZoneId.of(other.timeZone()))));
    }

    @Override
    public Optional<Conflict> conflictOf(UUID bookingId) {
        return store.findClashDetails(bookingId)
                .map(c -> new Conflict(
                        c.otherId().toString(),
                        c.otherBookingId(),
                        c.otherGuestName(),
                        c.otherBoat(),
                        c.otherEventType(),
                        c.otherStartsAt().atZone(marinaZone).toLocalDateTime(),
                        c.sameBoat(),
                        c.since()));
    }

    @Override
    public String blockDays(
            Optional<String> existing,
            String boat,
            LocalDate first,
            LocalDate endExclusive,
            String note,
            String actor) {
        ZonedDateTime start = first.atStartOfDay(marinaZone);
        long minutes =
                Duration.between(start, endExclusive.atStartOfDay(marinaZone)).toMinutes();
        EntryInput in = new EntryInput(
                Optional.empty(),
                "block",
                start.toLocalDate(),
                start.toLocalTime(),
                marinaZone,
                BigDecimal.valueOf(minutes)
                        .divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP)
                        .stripTrailingZeros(),
                "",
                note,
                boat,
                List.of(),
                false);
        if (existing.isPresent()) {
            update(entryId(existing.get()), in, actor);
            return existing.get();
        }
        return create(in, actor).toString();
    }

    @Override
    public void cancelBlock(String entryId, String actor) {
        UUID id = entryId(entryId);
        if (get(id).status() != EntryStatus.CANCELLED) {
            cancel(id, actor);
        }
    }

    private static UUID entryId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new AppException.NotFound("calendar entry", text);
        }
    }

    /** Every write appends its audit entries last, in its own transaction (the log's lock is held until commit). */
    private UUID write(UUID bookingId, EntryInput in, CalendarStore.State state, String actor) {
        return Deadlocks.retrying(() -> jdbi.inTransaction(h -> {
            Optional<UUID> existing = store.lockIdForBooking(h, bookingId);
            if (existing.isEmpty()) {
                UUID id = store.insert(h, in, state);
                audit.append(h, CalendarAudit.created(actor, store.find(h, id).orElseThrow()));
                return id;
            }
            CalendarEntry before = store.find(h, existing.get()).orElseThrow();
            recordChange(h, actor, before, store.update(h, before.id(), in, state));
            return before.id();
        }));
    }

    /** Creates an entry from the seed API; a booking has one entry, so a second one for it is a conflict. */
    UUID create(EntryInput in, String actor) {
        return refusingClashes(
                in,
                Optional.empty(),
                () -> jdbi.inTransaction(h -> {
                    if (in.bookingId().isPresent()) {
                        Optional<UUID> existing =
                                store.lockIdForBooking(h, in.bookingId().get());
                        if (existing.isPresent()) {
                            throw new AppException.Conflict(
                                    "booking " + in.bookingId().get() + " already has calendar entry " + existing.get()
                                            + "; update that entry instead");
                        }
                    }
                    UUID id = store.insert(h, in, CalendarStore.State.of(in));
                    audit.append(
                            h, CalendarAudit.created(actor, store.find(h, id).orElseThrow()));
                    return id;
                }));
    }

    /** Replaces an entry from the seed API ({@code PUT}); its sequence rises when anything changed. */
    void update(UUID id, EntryInput in, String actor) {
        get(id);
        refusingClashes(
                in,
                Optional.of(id),
                () -> jdbi.inTransaction(h -> {
                    CalendarEntry before = store.lock(h, id).orElseThrow();
                    recordChange(h, actor, before, store.update(h, id, in, CalendarStore.State.of(in)));
                    return id;
                }));
    }

    /** Cancels an entry ({@code DELETE}): it stays, with status cancelled and a higher sequence. */
    void cancel(UUID id, String actor) {
        get(id);
        jdbi.useTransaction(h -> {
            CalendarEntry before = store.lock(h, id).orElseThrow();
            recordChange(h, actor, before, store.cancel(h, id));
        });
    }

    /**
     * After a write to {@code before}'s entry: lets the entries it held in conflict take their turn, then
     * appends the audit entries of the write (if it changed anything) and of those entries, last.
     */
    private void recordChange(Handle h, String actor, CalendarEntry before, boolean changed) {
        List<AuditEntry> entries = new ArrayList<>();
        if (changed) {
            entries.add(CalendarAudit.changed(
                    actor, before, store.find(h, before.id()).orElseThrow()));
        }
        for (UUID id : store.releaseBlockedBy(h, before.id())) {
            CalendarAudit.released(actor, before.id(), store.find(h, id).orElseThrow())
                    .ifPresent(entries::add);
        }
        audit.append(h, entries);
    }

    private UUID refusingClashes(EntryInput in, Optional<UUID> self, java.util.function.Supplier<UUID> write) {
        try {
            return Deadlocks.retrying(write);
        } catch (UnableToExecuteStatementException e) {
            if (!isClash(e)) {
                throw e;
            }
            String other = jdbi.withHandle(h -> store.findClash(h, in, self))
                    .map(UUID::toString)
                    .orElse("another entry");
            throw new AppException.Conflict("the boat or a crew member is already on calendar entry " + other
                    + " at that time (" + in.startsAt() + " to " + in.endsAt() + ")");
        }
    }

    private static boolean isClash(UnableToExecuteStatementException e) {
        return e.getCause() instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState());
    }

    CalendarEntry get(UUID id) {
        return store.find(id).orElseThrow(() -> new AppException.NotFound("calendar entry", id.toString()));
    }

    /** Entries overlapping the days {@code from}..{@code to} (inclusive) on the marina's clock. */
    List<CalendarEntry> between(LocalDate from, LocalDate to) {
        return store.findOverlapping(
                from.atStartOfDay(marinaZone).toInstant(),
                to.plusDays(1).atStartOfDay(marinaZone).toInstant());
    }

    /**
     * What a feed shows: every entry, cancelled ones for 30 days after their cancel (so subscribed
     * calendars remove them), of one boat or all.
     */
    List<CalendarEntry> feedEntries(Optional<String> boat) {
        return store.findForFeed(boat);
    }

    ZoneId marinaZone() {
        return marinaZone;
    }
}
