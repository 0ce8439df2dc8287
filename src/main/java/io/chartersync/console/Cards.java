package io.chartersync.console;

import io.chartersync.booking.AttentionKind;
import io.chartersync.booking.BookingState;
import io.chartersync.booking.StepState;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A charter as a card on the board and in Needs attention: everything in words, built from {@link BookingSummary}. */
public record Cards(
        String id,
        String href,
        String when,
        String time,
        String guest,
        String boat,
        String party,
        boolean cancelled,
        String stateLabel,
        List<Crew> crew,
        List<SystemState> systems,
        List<String> marks,
        Optional<String> syncProblem) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** A crew member and their answer: {@code answer} is the CSS modifier, {@code label} the words. */
    public record Crew(String name, String role, String answer, String label) {}

    /** One of the four systems: its name, the CSS modifier and the words. */
    public record SystemState(String name, String state, String label) {}

    /** The card of {@code b}, without what its sync is going through. */
    static Cards of(BookingSummary b, ZoneId marina) {
        return of(b, marina, Optional.empty());
    }

    /**
     * The card of {@code b}; {@code syncProblem}: why its sync failed, or why its last attempt did while it
     * waits to try again (the status document's {@code error}), shown with a Retry.
     */
    static Cards of(BookingSummary b, ZoneId marina, Optional<String> syncProblem) {
        ZonedDateTime start = b.startsAt().withZoneSameInstant(marina);
        ZonedDateTime end = b.endsAt().withZoneSameInstant(marina);
        String time = start.format(CLOCK) + "–" + end.format(CLOCK);
        return new Cards(
                b.id().toString(),
                "/bookings/" + b.id(),
                start.format(DAY) + ", " + time,
                time,
                b.guestName(),
                b.boat(),
                b.partySize().map(n -> n == 1 ? "1 guest" : n + " guests").orElse("party size not given"),
                b.state() == BookingState.CANCELLED,
                state(b.state()),
                b.crew().stream()
                        .map(c -> new Crew(
                                c.name(),
                                c.role(),
                                c.answer().label(),
                                switch (c.answer()) {
                                    case WAITING -> "… waiting";
                                    case CONFIRMED -> "✓ confirmed";
                                    case DECLINED -> "✗ declined";
                                }))
                        .toList(),
                List.of(
                        step("Calendar", b.systems().calendar()),
                        step("Crew", b.systems().crew()),
                        step("Guest page", b.systems().guestPage()),
                        email(b.systems().email())),
                b.attention().stream().map(a -> kind(a.kind())).distinct().toList(),
                syncProblem);
    }

    private static String state(BookingState s) {
        return switch (s) {
            case PENDING -> "waiting to sync";
            case SYNCING -> "syncing";
            case SYNCED -> "synced";
            case FAILED -> "sync failed";
            case CANCELLED -> "cancelled";
        };
    }

    private static SystemState step(String name, StepState s) {
        return switch (s) {
            case PENDING -> new SystemState(name, "pending", "… pending");
            case DONE -> new SystemState(name, "done", "✓ done");
            case FAILED -> new SystemState(name, "failed", "✗ failed");
        };
    }

    private static SystemState email(BookingSummary.EmailState s) {
        return switch (s) {
            case NONE -> new SystemState("Email", "pending", "… none yet");
            case QUEUED -> new SystemState("Email", "pending", "… sending");
            case SENT -> new SystemState("Email", "done", "✓ sent");
            case FAILED -> new SystemState("Email", "failed", "✗ failed");
        };
    }

    /** An attention kind in a few words. */
    static String kind(AttentionKind k) {
        return switch (k) {
            case CONFLICT -> "Conflict";
            case DECLINED -> "Crew declined";
            case UNANSWERED -> "Crew not answered";
            case NO_CREW -> "No crew";
            case SYNC_FAILED -> "Sync failed";
            case EMAIL_FAILED -> "Email failed";
            case VANISHED_FROM_FEED -> "Gone from its feed";
        };
    }
}
