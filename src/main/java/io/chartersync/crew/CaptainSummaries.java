package io.chartersync.crew;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.chartersync.db.RetriedTask;
import io.chartersync.db.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Re-sends the captain's summary when the crew's answers change: at most once per {@link #GAP}, the
 * answers of that time coalesced into one email. A request names its due time in the task's instance id,
 * so every answer due at the same time lands on one task; the task locks the event, so an answer either
 * lands before it reads (and is in the summary) or after it (and is due {@link #GAP} later).
 */
final class CaptainSummaries {
    static final String TASK = "captain-summary";
    static final Duration GAP = Duration.ofMinutes(10);

    /**
     * A summary request as the task stores it: the event's id is the data ({@code <event id>}), and the
     * instance id adds the due time ({@code <event id>@<due epoch second>}).
     */
    record Request(UUID eventId) {
        String encode() {
            return eventId.toString();
        }

        static Request decode(String data) {
            return new Request(UUID.fromString(data));
        }

        String instanceDueAt(Instant at) {
            return eventId + "@" + at.getEpochSecond();
        }
    }

    private final Jdbi jdbi;
    private final EventStore events;
    private final CrewMail mail;
    private final TaskQueue tasks;
    private final Clock clock;

    CaptainSummaries(Jdbi jdbi, EventStore events, CrewMail mail, TaskQueue tasks, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.mail = mail;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Asks for a fresh summary of the event (its row locked by the caller), in the caller's transaction. */
    void request(Handle h, UUID eventId, Optional<Instant> lastSent) {
        schedule(h, eventId, due(lastSent, clock.instant()));
    }

    /** Now, unless a summary went out less than {@link #GAP} ago: then {@link #GAP} after it. */
    static Instant due(Optional<Instant> lastSent, Instant now) {
        return lastSent.map(t -> t.plus(GAP)).filter(now::isBefore).orElse(now);
    }

    OneTimeTask<String> task() {
        return RetriedTask.of(
                TASK, Duration.ofSeconds(5), Duration.ofMinutes(10), 20, data -> send(Request.decode(data)));
    }

    void send(Request request) {
        jdbi.useTransaction(h -> events.lockWithSummaryTime(h, request.eventId())
                .ifPresent(e -> {
                    Instant due = due(e.summarySentAt(), clock.instant());
                    if (due.isAfter(clock.instant())) {
                        schedule(h, request.eventId(), due);
                    } else {
                        mail.summary(h, e.event());
                    }
                }));
    }

    private void schedule(Handle h, UUID eventId, Instant at) {
        Request request = new Request(eventId);
        tasks.schedule(h, TASK, request.instanceDueAt(at), request.encode(), at);
    }
}
