package io.chartersync.workflow;

import io.chartersync.booking.BookingState;
import io.chartersync.booking.BookingStatus;
import io.chartersync.booking.StatusProvider;
import io.chartersync.booking.StepState;
import io.chartersync.booking.StoredBooking;
import io.chartersync.calendar.CalendarPort;
import io.chartersync.crew.CrewPort;
import io.chartersync.mail.MailCounts;
import io.chartersync.mail.OutboxView;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The status document: the saga's run and checkpoints, the crew's answers, the emails. */
final class SyncStatus implements StatusProvider {
    private final Jdbi jdbi;
    private final SyncRunStore runs;
    private final CalendarPort calendar;
    private final CrewPort crew;
    private final OutboxView mail;
    private final Attention attention;
    private final FeedFlags feedFlags;

    SyncStatus(
            Jdbi jdbi,
            SyncRunStore runs,
            CalendarPort calendar,
            CrewPort crew,
            OutboxView mail,
            Attention attention,
            FeedFlags feedFlags) {
        this.feedFlags = feedFlags;
        this.jdbi = jdbi;
        this.runs = runs;
        this.calendar = calendar;
        this.crew = crew;
        this.mail = mail;
        this.attention = attention;
    }

    @Override
    public BookingStatus statusOf(StoredBooking b) {
        return jdbi.withHandle(h -> statusOf(h, b));
    }

    private BookingStatus statusOf(Handle h, StoredBooking b) {
        SyncRunStore.Run run = runs.findRun(h, b.id(), b.version())
                .orElse(new SyncRunStore.Run(
                        RunState.PENDING, Optional.empty(), 0, Optional.empty(), Optional.empty()));
        Map<SyncStep, SyncRunStore.StepRecord> steps = new EnumMap<>(SyncStep.class);
        Map<SyncStep, String> latest = new EnumMap<>(SyncStep.class);
        for (SyncRunStore.VersionedStep row : runs.findHistory(h, b.id())) {
            SyncStep step = row.step();
            SyncRunStore.StepRecord record = row.record();
            if (row.version() == b.version()) {
                steps.put(step, record);
            }
            if (record.state() == StepState.DONE && record.result().isPresent()) {
                latest.putIfAbsent(step, record.result().get().stored());
            }
        }
        Optional<CrewPort.Crew> crewNow = crew.crewOf(b.id());
        Optional<CrewPort.Answers> answers = crewNow.map(SyncStatus::answers);
        Optional<CalendarPort.Conflict> conflict = calendar.conflictOf(b.id());
        MailCounts emails = mail.counts(h, b.id());
        SyncRunStore.StepRecord crewStep = steps.get(SyncStep.CREW_EVENT);
        List<BookingStatus.Attention> needs = attention.of(new Attention.Facts(
                b.booking(),
                b.cancelled(),
                run.state(),
                run.error(),
                run.createdAt(),
                run.finishedAt(),
                conflict,
                crewNow,
                emails.failed() == 0 ? List.of() : mail.failures(h, b.id()),
                b.cancelled() ? Optional.empty() : feedFlags.vanished(b.id())));
        return new BookingStatus(
                b.id(),
                b.booking().source(),
                b.booking().externalId(),
                b.version(),
                state(run, b.cancelled()),
                run.error().orElse(null),
                new BookingStatus.Calendar(
                        stepState(steps.get(SyncStep.CALENDAR)),
                        latest.get(SyncStep.CALENDAR),
                        conflict.map(CalendarPort.Conflict::otherEntryId).orElse(null),
                        error(steps.get(SyncStep.CALENDAR))),
                new BookingStatus.Crew(
                        stepState(crewStep),
                        answers.map(CrewPort.Answers::eventId).orElse(null),
                        answers.map(CrewPort.Answers::invited).orElse(0),
                        answers.map(CrewPort.Answers::confirmed).orElse(0),
                        answers.map(CrewPort.Answers::declined).orElse(0),
                        error(crewStep)),
                new BookingStatus.GuestPage(
                        stepState(steps.get(SyncStep.GUEST_PAGE)),
                        latest.get(SyncStep.GUEST_PAGE),
                        error(steps.get(SyncStep.GUEST_PAGE))),
                emails,
                Arrays.stream(SyncStep.values())
                        .map(step -> new BookingStatus.Step(
                                step.key(),
                                stepState(steps.get(step)),
                                steps.get(step) == null
                                        ? null
                                        : steps.get(step)
                                                .result()
                                                .map(StepResult::stored)
                                                .orElse(null),
                                error(steps.get(step))))
                        .toList(),
                b.booking(),
                needs);
    }

    /** How the crew has answered the event's current version, counted from who is on it now. */
    private static CrewPort.Answers answers(CrewPort.Crew c) {
        return new CrewPort.Answers(
                c.eventId(), c.members().size(), count(c, CrewPort.Reply.CONFIRMED), count(c, CrewPort.Reply.DECLINED));
    }

    private static int count(CrewPort.Crew c, CrewPort.Reply answer) {
        return (int) c.members().stream()
                .filter(m -> m.answer().filter(answer::equals).isPresent())
                .count();
    }

    private static BookingState state(SyncRunStore.Run run, boolean cancelled) {
        return switch (run.state()) {
            case DONE -> cancelled ? BookingState.CANCELLED : BookingState.SYNCED;
            case FAILED -> BookingState.FAILED;
            case RUNNING, SUPERSEDED -> BookingState.SYNCING;
            case PENDING -> run.attempts() > 0 ? BookingState.SYNCING : BookingState.PENDING;
        };
    }

    private static StepState stepState(SyncRunStore.StepRecord step) {
        return step == null ? StepState.PENDING : step.state();
    }

    private static String error(SyncRunStore.StepRecord step) {
        return step == null ? null : step.error().orElse(null);
    }
}
