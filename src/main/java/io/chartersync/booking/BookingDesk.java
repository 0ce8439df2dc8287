package io.chartersync.booking;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.AppException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the operator does with bookings, for the intake API and the console alike: find and list them with
 * their status, book, edit by a JSON merge patch, cancel. The same rules and audit entries whichever asks;
 * {@code actor} names who did it in the audit log. The status documents carry revenue and the internal note:
 * a caller that shows them to a dispatcher maps them to a type without those first.
 */
public final class BookingDesk {
    /** How many candidates the state and attention filters look at per query. */
    private static final int CHUNK = 200;

    private final BookingParser parser;
    private final BookingIntake intake;
    private final BookingStore store;
    private final StatusProvider status;
    private final ZoneId marinaZone;
    private final FailedSyncs failedSyncs;
    private final Clock clock;

    BookingDesk(
            BookingParser parser,
            BookingIntake intake,
            BookingStore store,
            StatusProvider status,
            FailedSyncs failedSyncs,
            ZoneId marinaZone,
            Clock clock) {
        this.parser = parser;
        this.failedSyncs = failedSyncs;
        this.clock = clock;
        this.intake = intake;
        this.store = store;
        this.status = status;
        this.marinaZone = marinaZone;
    }

    /** A page of a listing, and the cursor ({@code after}) of the next page when there is one. */
    public record Listing(List<BookingStatus> bookings, Optional<UUID> next) {
        public Listing {
            bookings = List.copyOf(bookings);
        }
    }

    /**
     * Reads a booking body as the intake does: the booking, or {@link AppException.InvalidInput} naming every
     * field that is wrong.
     */
    public Booking parse(JsonNode body) {
        Set<String> onBookingNow = store.findByExternal(
                        body.path("source").asText(""), body.path("external_id").asText(""))
                .map(b -> members(b.booking()))
                .orElse(Set.of());
        return parser.parse(body, onBookingNow);
    }

    public Saved submit(Booking booking, String actor) {
        return intake.submit(booking, actor).saved();
    }

    /** A JSON merge patch (RFC 7396) over the current version's body: only what it names changes. */
    public Saved patch(UUID id, JsonNode patch, String actor) {
        Set<String> onBookingNow =
                store.findCurrent(id).map(b -> members(b.booking())).orElse(Set.of());
        return intake.patch(id, patch, merged -> parser.parse(merged, onBookingNow), actor)
                .saved();
    }

    /** The crew members on {@code booking}: a deactivated one may stay on it. */
    private static Set<String> members(Booking booking) {
        Set<String> ids = new HashSet<>();
        booking.crewAssignments().forEach(a -> ids.addAll(a.members()));
        return ids;
    }

    /** Cancels everywhere; cancelling a cancelled booking changes nothing. */
    public Saved cancel(UUID id, String actor) {
        return intake.cancel(id, actor).saved();
    }

    /** A stored version of a booking and when it was accepted. */
    public record Version(StoredBooking stored, Instant at) {}

    /** Every version of a booking, oldest first (none for an unknown id). */
    public List<Version> versions(UUID id) {
        return store.versions(id);
    }

    /**
     * The booking as a JSON tree of the contract's field names, as it is stored (the shape a merge patch
     * names): for comparing a form's values with a version's.
     */
    public JsonNode body(Booking booking) {
        return store.tree(booking);
    }

    /**
     * The fields that differ between two versions' bodies, by their contract names ({@code guest.name},
     * {@code revenue.amount}, {@code crew_assignments}), as the audit log names them.
     */
    public List<String> changedFields(Booking before, Booking after) {
        return BookingAudit.changedFields(store.tree(before), store.tree(after));
    }

    /** The status document of a booking; {@link AppException.NotFound} when there is none. */
    public BookingStatus status(UUID id) {
        return find(id).orElseThrow(() -> new AppException.NotFound("booking", id.toString()));
    }

    public Optional<BookingStatus> find(UUID id) {
        return store.findCurrent(id).map(status::statusOf);
    }

    public Optional<BookingStatus> findByExternal(String source, String externalId) {
        return store.findByExternal(source, externalId).map(status::statusOf);
    }

    /**
     * A page of bookings, newest first, filtered by the parameters of {@code GET /api/bookings} ({@code
     * attention, state, boat, from, to, q, limit, after}: an unknown one, or a bad value, is refused with
     * {@link AppException.InvalidInput} naming it). Filters on the body are the store's; the state and
     * attention filters look at each candidate's status, a chunk of candidates at a time.
     */
    public Listing list(Map<String, List<String>> params) {
        BookingQuery query = BookingQuery.parse(params, marinaZone);
        query.after().ifPresent(after -> {
            if (!store.exists(after)) {
                throw AppException.InvalidInput.of("after", "no booking has the id " + after);
            }
        });
        // Only bookings still ahead, or with a failed sync, can need attention: the rest are never read.
        Optional<BookingStore.MayNeedAttention> mayNeedAttention = query.attention()
                ? Optional.of(new BookingStore.MayNeedAttention(clock.instant(), failedSyncs.bookingIds()))
                : Optional.empty();
        List<BookingStatus> page = new ArrayList<>();
        Optional<UUID> cursor = query.after();
        int chunk = query.byStatus() ? Math.max(CHUNK, query.limit() + 1) : query.limit() + 1;
        while (page.size() <= query.limit()) {
            List<StoredBooking> candidates = store.list(query, cursor, chunk, mayNeedAttention);
            for (StoredBooking b : candidates) {
                BookingStatus s = status.statusOf(b);
                if (matches(query, s)) {
                    page.add(s);
                    if (page.size() > query.limit()) {
                        break;
                    }
                }
            }
            if (candidates.size() < chunk) {
                break;
            }
            cursor = Optional.of(candidates.getLast().id());
        }
        boolean more = page.size() > query.limit();
        List<BookingStatus> shown = more ? page.subList(0, query.limit()) : page;
        return new Listing(shown, more ? Optional.of(shown.getLast().id()) : Optional.empty());
    }

    private static boolean matches(BookingQuery query, BookingStatus s) {
        return (!query.attention() || s.needsAttention())
                && query.state().map(state -> state == s.state()).orElse(true);
    }
}
