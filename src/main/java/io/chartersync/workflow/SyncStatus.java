package io.chartersync.workflow;

import io.chartersync.booking.BookingStatus;
import io.chartersync.booking.StatusProvider;
import io.chartersync.booking.StoredBooking;
import io.chartersync.calendar.CalendarPort;
import io.chartersync.crew.CrewPort;
import io.chartersync.mail.OutboxView;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The status document: the saga's run and checkpoints, the crew's answers, the emails. */
public final class SyncStatus implements StatusProvider {
    private final Jdbi jdbi;
    private final CalendarPort calendar;
    private final CrewPort crew;
    private final OutboxView mail;

    public SyncStatus(Jdbi jdbi, CalendarPort calendar, CrewPort crew, OutboxView mail) {
        this.calendar = calendar;
        this.jdbi = jdbi;
        this.crew = crew;
        this.mail = mail;
    }

    @Override
    public BookingStatus statusOf(StoredBooking b) {
        return jdbi.withHandle(h -> statusOf(h, b));
    }

    private BookingStatus statusOf(Handle h, StoredBooking b) {
        Checkpoints.Run run =
                Checkpoints.run(h, b.id(), b.version()).orElse(new Checkpoints.Run("pending", Optional.empty(), 0));
        Map<SyncStep, Checkpoints.Step> steps = new EnumMap<>(SyncStep.class);
        Map<SyncStep, String> latest = new EnumMap<>(SyncStep.class);
        for (Checkpoints.VersionedStep row : Checkpoints.history(h, b.id())) {
            SyncStep step = row.step();
            Checkpoints.Step state = row.state();
            if (row.version() == b.version()) {
                steps.put(step, state);
            }
            if (state.state().equals("done") && state.result().isPresent()) {
                latest.putIfAbsent(step, state.result().get());
            }
        }
        Optional<CrewPort.Answers> answers = crew.answers(b.id());
        Checkpoints.Step crewStep = steps.get(SyncStep.CREW_EVENT);
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
                        calendar.conflictFor(b.id()).orElse(null),
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
                mail.counts(h, b.id()),
                Arrays.stream(SyncStep.values())
                        .map(step -> new BookingStatus.Step(
                                step.key(),
                                stepState(steps.get(step)),
                                steps.get(step) == null
                                        ? null
                                        : steps.get(step).result().orElse(null),
                                error(steps.get(step))))
                        .toList());
    }

    private static String state(Checkpoints.Run run, boolean cancelled) {
        return switch (run.state()) {
            case "done" -> cancelled ? "cancelled" : "synced";
            case "failed" -> "failed";
            case "running" -> "syncing";
            case "superseded" -> "syncing";
            default -> run.attempts() > 0 ? "syncing" : "pending";
        };
    }

    private static String stepState(Checkpoints.Step step) {
        return step == null ? "pending" : step.state();
    }

    private static String error(Checkpoints.Step step) {
        return step == null ? null : step.error().orElse(null);
    }
}
