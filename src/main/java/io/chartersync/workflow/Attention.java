package io.chartersync.workflow;

import io.chartersync.booking.AttentionKind;
import io.chartersync.booking.Booking;
import io.chartersync.booking.BookingStatus;
import io.chartersync.calendar.CalendarPort;
import io.chartersync.crew.CrewPort;
import io.chartersync.mail.OutboxView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What needs the operator on one booking, from where each system stands now: nothing is stored, so an item
 * goes away by itself when its cause does. Crew, calendar and email items count only while the charter is
 * ahead (not cancelled, not ended on the clock); a failed sync counts until a later version syncs.
 */
final class Attention {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a 'on' EEE MMM d", Locale.US);
    private static final Map<String, String> EMAILS = Map.of(
            "invite", "invitation",
            "change", "change notice",
            "reassigned", "new-assignment notice",
            "removed", "removal notice",
            "cancel", "cancellation notice",
            "decline", "decline alert",
            "conflict", "conflict alert",
            "summary", "captain's summary",
            "briefing", "captain's briefing");

    private final Clock clock;
    private final Duration unansweredAlert;

    /** {@code unansweredAlert}: how long before the start a member who has not answered is flagged. */
    Attention(Clock clock, Duration unansweredAlert) {
        this.clock = clock;
        this.unansweredAlert = unansweredAlert;
    }

    /** Where each system stands for one booking version, as read for its status document. */
    record Facts(
            Booking booking,
            boolean cancelled,
            RunState run,
            Optional<String> runError,
            Optional<Instant> versionAcceptedAt,
            Optional<Instant> runFinishedAt,
            Optional<CalendarPort.Conflict> conflict,
            Optional<CrewPort.Crew> crew,
            List<OutboxView.FailedEmail> failedEmails,
            Optional<FeedFlags.Flag> vanishedFromFeed) {}

    List<BookingStatus.Attention> of(Facts f) {
        List<BookingStatus.Attention> items = new ArrayList<>();
        Instant now = clock.instant();
        Instant start = f.booking().startsAt().toInstant();
        Instant end = start.plusSeconds(
                f.booking().durationHours().multiply(BigDecimal.valueOf(3600)).longValue());
        boolean ahead = !f.cancelled() && now.isBefore(end);
        Instant accepted = f.versionAcceptedAt().orElse(now);
        if (ahead) {
            f.conflict().ifPresent(c -> items.add(item(AttentionKind.CONFLICT, conflict(c), c.since())));
            f.crew().filter(c -> !c.cancelled()).ifPresent(c -> crew(c, start, now, items));
            noCrew(f.booking()).ifPresent(detail -> items.add(item(AttentionKind.NO_CREW, detail, accepted)));
            f.vanishedFromFeed()
                    .ifPresent(v -> items.add(item(AttentionKind.VANISHED_FROM_FEED, v.detail(), v.since())));
        }
        if (f.run() == RunState.FAILED) {
            items.add(item(
                    AttentionKind.SYNC_FAILED,
                    "The sync failed: " + f.runError().orElse("no reason recorded"),
                    f.runFinishedAt().orElse(accepted)));
        }
        if (now.isBefore(end)) {
            for (OutboxView.FailedEmail e : f.failedEmails()) {
                items.add(item(
                        AttentionKind.EMAIL_FAILED,
                        "The " + EMAILS.getOrDefault(e.kind(), e.kind() + " email") + " to " + e.recipient()
                                + " could not be sent: " + e.error(),
                        e.failedAt()));
            }
        }
        return items;
    }

    private void crew(CrewPort.Crew crew, Instant start, Instant now, List<BookingStatus.Attention> items) {
        Instant alertFrom = start.minus(unansweredAlert);
        for (CrewPort.CrewState m : crew.members()) {
            if (m.answer().filter(CrewPort.Reply.DECLINED::equals).isPresent()) {
                items.add(item(
                        AttentionKind.DECLINED,
                        m.name() + " (" + m.role() + ") declined",
                        m.answeredAt().orElse(m.askedAt())));
            } else if (m.answer().isEmpty() && !now.isBefore(alertFrom)) {
                items.add(item(
                        AttentionKind.UNANSWERED,
                        m.name() + " (" + m.role() + ") has not answered, and the charter starts within "
                                + unansweredAlert.toHours() + " hours",
                        m.askedAt().isAfter(alertFrom) ? m.askedAt() : alertFrom));
            }
        }
    }

    /** "No crew assigned" or "No captain assigned", from the booking's own assignments. */
    static Optional<String> noCrew(Booking booking) {
        List<Booking.CrewAssignment> staffed = booking.crewAssignments().stream()
                .filter(a -> !a.members().isEmpty())
                .toList();
        if (staffed.isEmpty()) {
            return Optional.of("No crew assigned");
        }
        if (staffed.stream().noneMatch(a -> a.role().equalsIgnoreCase("captain"))) {
            return Optional.of("No captain assigned");
        }
        return Optional.empty();
    }

    /** "Clashes with Smith's charter on JADA at 9:00 AM on Thu May 30 (the boat is taken)". */
    static String conflict(CalendarPort.Conflict c) {
        String what = c.otherEventType().equals("charter") ? "charter" : c.otherEventType();
        String whose = c.otherGuestName().map(n -> n + "'s " + what).orElse("a " + what);
        String boat = c.otherBoat().map(b -> " on " + b).orElse("");
        return "Clashes with " + whose + boat + " at " + time(c.otherStart())
                + (c.sameBoat() ? " (the boat is taken)" : " (a crew member is on both)");
    }

    private static String time(LocalDateTime at) {
        return at.format(TIME);
    }

    private static BookingStatus.Attention item(AttentionKind kind, String detail, Instant since) {
        return new BookingStatus.Attention(kind, detail, since);
    }
}
