package io.chartersync.booking;

import io.chartersync.mail.MailCounts;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The status document of the intake contract: where each of the four systems stands, plus {@code steps},
 * every sync step of the current version in order (the captain summary included), and the run's {@code
 * error}; {@code booking}, the body of the current version as accepted (revenue and the internal note
 * included: this document is for the operator API only); {@code attention}, what needs the operator now
 * (empty when nothing does).
 */
public record BookingStatus(
        UUID id,
        String source,
        String externalId,
        int version,
        BookingState state,
        String error,
        Calendar calendar,
        Crew crew,
        GuestPage guestPage,
        MailCounts emails,
        List<Step> steps,
        Booking booking,
        List<Attention> attention) {

    public BookingStatus {
        steps = List.copyOf(steps);
        attention = List.copyOf(attention);
    }

    /** True when something needs the operator. */
    public boolean needsAttention() {
        return !attention.isEmpty();
    }

    /**
     * One thing that needs the operator: what kind, in plain words ({@code detail}), and since when its
     * cause holds. It goes away by itself when its cause does.
     */
    public record Attention(AttentionKind kind, String detail, Instant since) {}

    /** One sync step of the current version. */
    public record Step(String step, StepState state, String result, String error) {}

    /** {@code conflictWith}: the entry this booking's entry clashes with (boat or crew), if any. */
    public record Calendar(StepState state, String entryId, String conflictWith, String error) {}

    public record Crew(StepState state, String eventId, int invited, int confirmed, int declined, String error) {}

    public record GuestPage(StepState state, String url, String error) {}
}
