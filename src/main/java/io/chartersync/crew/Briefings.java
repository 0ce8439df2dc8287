package io.chartersync.crew;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.chartersync.db.RetriedTask;
import io.chartersync.db.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The captain's briefing at 18:00 marina time the evening before the charter: a durable task per charter
 * time ({@link Charter}), planned with every change of the event in the same transaction, so a move
 * replaces it and a cancel drops it, and a restart loses nothing.
 */
final class Briefings {
    static final String TASK = "captain-briefing";
    static final LocalTime AT = LocalTime.of(18, 0);

    /**
     * The charter a briefing is for: the event at the start it was planned for. Encoded {@code <event
     * id>@<start epoch second>}, it is the task's instance id and data, and the tail of the email's
     * dedupe key.
     */
    record Charter(UUID eventId, long startEpochSecond) {
        private static final String SEPARATOR = "@";

        static Charter of(StoredEvent event) {
            return new Charter(event.id(), event.startsAt().getEpochSecond());
        }

        String encode() {
            return eventId + SEPARATOR + startEpochSecond;
        }

        static Charter decode(String data) {
            int at = data.indexOf(SEPARATOR);
            return new Charter(UUID.fromString(data.substring(0, at)), Long.parseLong(data.substring(at + 1)));
        }

        /** What the instance ids of every briefing of the event start with. */
        static String prefixOf(UUID eventId) {
            return eventId + SEPARATOR;
        }

        /** True when {@code event} still starts at the time this briefing was planned for. */
        boolean startOf(StoredEvent event) {
            return event.startsAt().getEpochSecond() == startEpochSecond;
        }
    }

    private final Jdbi jdbi;
    private final EventStore events;
    private final CrewMail mail;
    private final TaskQueue tasks;
    private final Clock clock;

    Briefings(Jdbi jdbi, EventStore events, CrewMail mail, TaskQueue tasks, Clock clock) {
        this.jdbi = jdbi;
        this.events = events;
        this.mail = mail;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * 18:00 on the day before the charter, on the clock of the charter's zone (so across a DST change the
     * instant moves with the wall clock). Should 18:00 not exist that day, the time after the gap.
     */
    static Instant dueFor(ZonedDateTime start) {
        return start.toLocalDate()
                .minusDays(1)
                .atTime(AT)
                .atZone(start.getZone())
                .toInstant();
    }

    /**
     * Plans the briefing for the event as it now is: none when it is cancelled or already started; at
     * once when its evening before has passed (a charter booked late); otherwise at {@link #dueFor}.
     */
    void plan(Handle h, StoredEvent event) {
        tasks.cancel(h, TASK, Charter.prefixOf(event.id()));
        Instant now = clock.instant();
        if (event.cancelled() || !now.isBefore(event.startsAt())) {
            return;
        }
        Instant due = dueFor(event.localStart());
        String charter = Charter.of(event).encode();
        tasks.schedule(h, TASK, charter, charter, due.isAfter(now) ? due : now);
    }

    OneTimeTask<String> task() {
        return RetriedTask.of(
                TASK, Duration.ofSeconds(5), Duration.ofMinutes(10), 20, data -> send(Charter.decode(data)));
    }

    /** Sends the briefing if the charter is still on at the time it was planned for. */
    void send(Charter charter) {
        jdbi.useTransaction(h -> events.lock(h, charter.eventId())
                .filter(e -> !e.cancelled() && charter.startOf(e))
                .ifPresent(e -> mail.briefing(h, e)));
    }
}
