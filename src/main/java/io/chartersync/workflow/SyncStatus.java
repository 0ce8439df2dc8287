package io.chartersync.workflow;

import io.chartersync.booking.BookingStatus;
import io.chartersync.booking.StatusProvider;
import io.chartersync.booking.StoredBooking;
import io.chartersync.crew.CrewPort;
import io.chartersync.mail.Outbox;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The status document: the saga's run and checkpoints, the crew's answers, the emails. */
public final class SyncStatus implements StatusProvider {
  private final Jdbi jdbi;
  private final Checkpoints checkpoints;
  private final CrewPort crew;

  public SyncStatus(Jdbi jdbi, CrewPort crew) {
    this.jdbi = jdbi;
    this.checkpoints = new Checkpoints(jdbi);
    this.crew = crew;
  }

  @Override
  public BookingStatus statusOf(StoredBooking b) {
    Checkpoints.Run run = checkpoints.run(b.id(), b.version()).orElse(new Checkpoints.Run("pending", Optional.empty(), 0));
    Map<SyncStep, Checkpoints.Step> steps = checkpoints.steps(b.id(), b.version());
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
            checkpoints.latestResult(b.id(), SyncStep.CALENDAR).orElse(null),
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
            checkpoints.latestResult(b.id(), SyncStep.GUEST_PAGE).orElse(null),
            error(steps.get(SyncStep.GUEST_PAGE))),
        Outbox.counts(jdbi, b.id()));
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
