package io.chartersync.feed;

import com.github.kagkarlsson.scheduler.task.Task;
import io.chartersync.audit.AuditLog;
import io.chartersync.booking.BookingDesk;
import io.chartersync.calendar.CalendarPort;
import io.chartersync.db.TaskQueue;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RouteModule;
import io.chartersync.workflow.FeedFlags;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Marketplace calendar feeds: the feeds API ({@code /api/feeds}), their durable polls ({@link FeedPollTask}),
 * and the reconciliation of each poll into bookings (through the booking desk, like any other booking) and
 * calendar blocks. The one entry point of the package.
 */
public final class FeedModule implements AutoCloseable {
    /**
     * What the feeds need: the booking desk their bookings go through, the calendar (all-day blocks), {@code
     * boats} (a known boat's display name, and where guests meet it if its profile says: a new booking's
     * location), the operator's
     * guard of the API, the task queue of the polls, the marina's zone (UTC and floating times are on its
     * clock), and {@code allowPrivateAddresses} ({@code FEED_ALLOW_PRIVATE_ADDRESSES}).
     */
    public record Deps(
            Jdbi jdbi,
            BookingDesk desk,
            CalendarPort calendar,
            Function<String, Optional<Boat>> boats,
            Guard operator,
            JsonBodies bodies,
            TaskQueue tasks,
            AuditLog audit,
            ZoneId marinaZone,
            boolean allowPrivateAddresses,
            Clock clock) {}

    /** A known boat: the name it is shown by, and where its guests meet it (if its profile says). */
    public record Boat(String name, Optional<String> meetingPoint) {}

    private final Feeds feeds;
    private final List<RouteModule> routes;
    private final List<Task<?>> tasks;
    private final FeedFetcher fetcher;

    private FeedModule(Feeds feeds, List<RouteModule> routes, List<Task<?>> tasks, FeedFetcher fetcher) {
        this.feeds = feeds;
        this.fetcher = fetcher;
        this.routes = List.copyOf(routes);
        this.tasks = List.copyOf(tasks);
    }

    public static FeedModule create(Deps d) {
        FeedStore store = new FeedStore(d.jdbi());
        FeedFetcher fetcher = new FeedFetcher(d.allowPrivateAddresses());
        FeedPoller poller = new FeedPoller(
                store,
                fetcher,
                new FeedParser(d.marinaZone()),
                new FeedReconciler(
                        store,
                        d.desk(),
                        d.calendar(),
                        boat -> d.boats().apply(boat).flatMap(Boat::meetingPoint),
                        d.marinaZone()),
                d.clock());
        Feeds feeds = new Feeds(
                d.jdbi(),
                store,
                poller,
                d.tasks(),
                d.audit(),
                boat -> d.boats().apply(boat).map(Boat::name).orElse(boat),
                d.clock());
        return new FeedModule(
                feeds,
                List.of(new FeedRoutes(d.operator(), d.bodies(), feeds)),
                List.of(FeedPollTask.task(poller, d.clock())),
                fetcher);
    }

    /**
     * Which bookings a feed no longer lists, for the workflow's {@code vanished_from_feed} attention items:
     * made from the database alone, before the workflow (which this module's desk needs) exists.
     */
    public static FeedFlags flags(Jdbi jdbi) {
        FeedStore store = new FeedStore(jdbi);
        return bookingId -> store.vanished(bookingId).map(v -> new FeedFlags.Flag(v.since(), detail(v)));
    }

    private static String detail(FeedStore.Vanished v) {
        String feed = "The " + FeedReconciler.sourceName(v.source()) + " feed for " + v.boat();
        return v.reason().equals("cancelled")
                ? feed + " lists this charter as cancelled: cancel the booking, or keep it"
                : feed + " no longer lists this charter: cancel the booking, or keep it";
    }

    /** What the operator does with feeds (the API and the console alike). */
    public Feeds feeds() {
        return feeds;
    }

    /** {@code /api/feeds}. */
    public List<RouteModule> routes() {
        return routes;
    }

    /** Stops the feeds' HTTP client (after the scheduler: no poll runs any more). */
    @Override
    public void close() {
        fetcher.close();
    }

    /** The polls' durable task. */
    public List<Task<?>> tasks() {
        return tasks;
    }
}
