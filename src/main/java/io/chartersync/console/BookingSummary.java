package io.chartersync.console;

import io.chartersync.booking.AttentionKind;
import io.chartersync.booking.Booking;
import io.chartersync.booking.BookingState;
import io.chartersync.booking.BookingStatus;
import io.chartersync.booking.StepState;
import io.chartersync.crew.CrewPort;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A booking as every console user may see it, owners and dispatchers alike: when, which boat, the guest's
 * name and party, the crew with their answers, where each of the four systems stands, and what needs
 * attention. It has no revenue and no internal note (nor the guest's contacts): the board, the lists and
 * Needs attention are rendered from this type only.
 */
public record BookingSummary(
        UUID id,
        String source,
        String externalId,
        int version,
        BookingState state,
        ZonedDateTime startsAt,
        BigDecimal durationHours,
        String boat,
        String guestName,
        Optional<Integer> partySize,
        List<CrewLine> crew,
        Systems systems,
        List<AttentionItem> attention) {

    public BookingSummary {
        crew = List.copyOf(crew);
        attention = List.copyOf(attention);
    }

    /** A crew member on the charter, their role, and their answer to its current version. */
    public record CrewLine(String memberId, String name, String role, Answer answer) {}

    /** A crew member's answer, as the console shows it. */
    public enum Answer {
        WAITING("waiting"),
        CONFIRMED("confirmed"),
        DECLINED("declined");

        private final String label;

        Answer(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** A member's answer to the current version, if any, as the console shows it. */
        static Answer of(Optional<CrewPort.Reply> reply) {
            return reply.map(r -> r == CrewPort.Reply.CONFIRMED ? CONFIRMED : DECLINED)
                    .orElse(WAITING);
        }
    }

    /** Where the four systems stand: the calendar, the crew event, the guest page and the emails. */
    public record Systems(StepState calendar, StepState crew, StepState guestPage, EmailState email) {}

    /** The booking's emails: all sent, some still queued, or one failed. */
    public enum EmailState {
        NONE,
        QUEUED,
        SENT,
        FAILED
    }

    /** One thing that needs the operator (the status document's attention item). */
    public record AttentionItem(AttentionKind kind, String detail, Instant since) {}

    /** The summary of {@code s}, with the crew from the crew event now (none before there is one). */
    static BookingSummary of(BookingStatus s, Optional<CrewPort.Crew> crew) {
        Booking b = s.booking();
        List<CrewLine> lines = crew.map(c -> c.members().stream()
                        .map(m -> new CrewLine(m.memberId(), m.name(), m.role(), Answer.of(m.answer())))
                        .toList())
                .orElse(List.of());
        EmailState email = s.emails().failed() > 0
                ? EmailState.FAILED
                : s.emails().queued() > 0
                        ? EmailState.QUEUED
                        : s.emails().sent() > 0 ? EmailState.SENT : EmailState.NONE;
        return new BookingSummary(
                s.id(),
                s.source(),
                s.externalId(),
                s.version(),
                s.state(),
                b.startsAt(),
                b.durationHours(),
                b.boat(),
                b.guest().name(),
                b.guest().partySize(),
                lines,
                new Systems(
                        s.calendar().state(), s.crew().state(), s.guestPage().state(), email),
                s.attention().stream()
                        .map(a -> new AttentionItem(a.kind(), a.detail(), a.since()))
                        .toList());
    }

    public boolean needsAttention() {
        return !attention.isEmpty();
    }

    /** The end of the charter. */
    public ZonedDateTime endsAt() {
        return startsAt.plusMinutes(
                durationHours.multiply(BigDecimal.valueOf(60)).longValue());
    }
}
