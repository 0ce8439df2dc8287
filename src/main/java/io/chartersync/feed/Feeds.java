package io.chartersync.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.AppException;
import io.chartersync.db.TaskQueue;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * What the operator does with feeds, for the API and the console alike: add, list, poll now, delete, and keep
 * a booking its feed no longer lists. {@code actor} names who did it in the audit log.
 */
public final class Feeds {
    private final Jdbi jdbi;
    private final FeedStore store;
    private final FeedPoller poller;
    private final TaskQueue tasks;
    private final AuditLog audit;
    private final UnaryOperator<String> boatName;
    private final Clock clock;

    /** {@code boatName}: the name a boat is shown by (as registered), for a boat named in another spelling. */
    Feeds(
            Jdbi jdbi,
            FeedStore store,
            FeedPoller poller,
            TaskQueue tasks,
            AuditLog audit,
            UnaryOperator<String> boatName,
            Clock clock) {
        this.boatName = boatName;
        this.jdbi = jdbi;
        this.store = store;
        this.poller = poller;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds the feed {@code body} describes (see {@link FeedInput}) and schedules its first poll at once;
     * {@link AppException.InvalidInput} naming each bad field, {@link AppException.Conflict} when a feed of the
     * same source and URL exists.
     */
    public FeedView add(JsonNode body, String actor) {
        FeedInput in = FeedInput.parse(body);
        Feed feed = new Feed(
                UUID.randomUUID(),
                in.source(),
                boatName.apply(in.boat()),
                in.url(),
                in.intervalMinutes(),
                in.autoCancel(),
                FeedFetcher.Validators.NONE,
                clock.instant(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                Optional.empty());
        boolean added = jdbi.inTransaction(h -> {
            if (!store.insert(h, feed)) {
                return false;
            }
            tasks.schedule(h, FeedPollTask.TASK, feed.id().toString(), feed.id().toString(), feed.createdAt());
            audit.append(
                    h,
                    new AuditEntry(
                            actor,
                            "feed.added",
                            subject(feed.id()),
                            Map.of(
                                    "source", feed.source(),
                                    "boat", feed.boat(),
                                    "url", FeedUrl.masked(feed.url()),
                                    "interval_minutes", feed.intervalMinutes(),
                                    "auto_cancel", feed.autoCancel())));
            return true;
        });
        if (!added) {
            throw new AppException.Conflict("a " + in.source() + " feed with this URL exists already");
        }
        return FeedView.of(feed);
    }

    /** Every feed, oldest first. */
    public List<FeedView> all() {
        return store.all().stream().map(FeedView::of).toList();
    }

    public Optional<FeedView> find(UUID id) {
        return store.find(id).map(FeedView::of);
    }

    /** The feeds that failed three times in a row or more: each needs the operator. */
    public List<FeedView> failing() {
        return store.failing().stream().map(FeedView::of).toList();
    }

    /**
     * Polls the feed now (after a poll in progress, if any) and answers its document after the poll: a failed
     * poll is no error here, its {@code last_error} says why. {@link AppException.NotFound} for no such feed.
     */
    public FeedView poll(UUID id) {
        try {
            return poller.pollNow(id).map(FeedView::of).orElseThrow(() -> notFound(id));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling feed " + id, e);
        }
    }

    /** Deletes the feed and stops its polls; its bookings and calendar blocks stay. */
    public void delete(UUID id, String actor) {
        boolean deleted = jdbi.inTransaction(h -> {
            if (!store.delete(h, id)) {
                return false;
            }
            tasks.cancel(h, FeedPollTask.TASK, id.toString());
            audit.append(h, AuditEntry.of(actor, "feed.deleted", subject(id)));
            return true;
        });
        if (!deleted) {
            throw notFound(id);
        }
    }

    /**
     * Keeps a booking its feed no longer lists (the operator's "keep it"): its {@code vanished_from_feed} flag
     * is cleared until the feed lists it again. {@link AppException.Conflict} when it is not flagged.
     */
    public void keep(UUID bookingId, String actor) {
        boolean kept = jdbi.inTransaction(h -> {
            if (!store.keep(h, bookingId, clock.instant())) {
                return false;
            }
            audit.append(h, AuditEntry.of(actor, "booking.kept-after-feed", "booking:" + bookingId));
            return true;
        });
        if (!kept) {
            throw new AppException.Conflict("This booking is not flagged as vanished from its feed.");
        }
    }

    private static String subject(UUID id) {
        return "feed:" + id;
    }

    private static AppException.NotFound notFound(UUID id) {
        return new AppException.NotFound("feed", id.toString());
    }
}
