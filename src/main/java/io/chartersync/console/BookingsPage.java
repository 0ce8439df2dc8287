package io.chartersync.console;

import io.chartersync.booking.AttentionKind;
import io.chartersync.booking.BookingState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Bookings page: the search form with what was asked ({@code values}, by parameter), its errors, the rows
 * found, and the links to the next and first pages. Built from {@link BookingSummary} only (no revenue).
 */
public record BookingsPage(
        Shell shell,
        Map<String, String> values,
        List<String> boats,
        FieldErrors errors,
        List<Row> rows,
        Optional<String> nextPage,
        Optional<String> firstPage) {

    /** The states a booking can be in, as the form offers them: the wire value and its words. */
    public record Choice(String value, String label) {}

    /** One booking of the list. */
    public record Row(
            UUID id, String when, String boat, String guest, String party, BookingState state, List<String> attention) {
        public String href() {
            return "/bookings/" + id;
        }

        public String stateLabel() {
            return BookingsPage.stateLabel(state);
        }

        public String stateClass() {
            return "state-" + state.wire();
        }
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public List<Choice> states() {
        return java.util.Arrays.stream(BookingState.values())
                .map(s -> new Choice(s.wire(), stateLabel(s)))
                .toList();
    }

    /** Whether the boat asked for is not among the known boats (it is offered too, so the form keeps it). */
    public boolean unlistedBoat() {
        String asked = value("boat").strip();
        return !asked.isEmpty() && boats.stream().noneMatch(b -> b.equalsIgnoreCase(asked));
    }

    /** Whether the form asked for anything (else the list is every booking, newest first). */
    public boolean filtered() {
        return values.keySet().stream().anyMatch(k -> !k.equals("after"));
    }

    static String stateLabel(BookingState state) {
        return switch (state) {
            case PENDING -> "Waiting to sync";
            case SYNCING -> "Syncing";
            case SYNCED -> "Synced";
            case FAILED -> "Sync failed";
            case CANCELLED -> "Cancelled";
        };
    }

    static String attentionLabel(AttentionKind kind) {
        return switch (kind) {
            case CONFLICT -> "Clash with another booking";
            case DECLINED -> "Crew declined";
            case UNANSWERED -> "Crew not answered";
            case NO_CREW -> "No crew or captain";
            case SYNC_FAILED -> "Sync failed";
            case EMAIL_FAILED -> "Email failed";
            case VANISHED_FROM_FEED -> "Gone from its marketplace feed";
        };
    }

    static String party(Optional<Integer> size) {
        return size.map(n -> n == 1 ? "1 guest" : n + " guests").orElse("party size not given");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
