package io.chartersync.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of a feed: hold it ({@link FeedStore#claim}, so a poll-now and the scheduled poll never run
 * together, on any node), fetch outside any transaction, parse, reconcile, record. A failed poll (fetch or
 * parse, or an empty file after a poll that listed events ahead) changes no booking and is recorded in {@code
 * last_error}. One log line per poll, which never holds the URL.
 */
final class FeedPoller {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    /** How long a poll holds its feed at most: the fetch's 30 s, and time to reconcile. */
    static final Duration HOLD = Duration.ofMinutes(2);

    /** How long a poll-now waits for a poll in progress to end before it polls. */
    private static final Duration WAIT = Duration.ofSeconds(45);

    private final FeedStore store;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final FeedReconciler reconciler;
    private final Clock clock;

    FeedPoller(FeedStore store, FeedFetcher fetcher, FeedParser parser, FeedReconciler reconciler, Clock clock) {
        this.store = store;
        this.fetcher = fetcher;
        this.parser = parser;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    /**
     * Polls now (waiting for a poll in progress to end first); the feed after the poll, or empty when there is
     * no such feed.
     */
    Optional<Feed> pollNow(UUID id) throws InterruptedException {
        Instant giveUp = Instant.now().plus(WAIT);
        while (true) {
            Instant now = clock.instant();
            Optional<Feed> held = store.claim(id, now, now.plus(HOLD));
            if (held.isPresent()) {
                poll(held.get());
                return store.find(id);
            }
            if (store.find(id).isEmpty()) {
                return Optional.empty();
            }
            if (Instant.now().isAfter(giveUp)) {
                return store.find(id);
            }
            Thread.sleep(100);
        }
    }

    /**
     * The scheduled poll: polls when the feed is due (a poll-now since the last scheduled one puts it off) and
     * no poll-now holds it (that one polls then); the feed as it stands after, or empty when it was deleted.
     */
    Optional<Feed> pollScheduled(UUID id) {
        Optional<Feed> feed = store.find(id);
        Instant now = clock.instant();
        if (feed.isEmpty() || feed.get().nextPollAt().isAfter(now)) {
            return feed;
        }
        store.claim(id, now, now.plus(HOLD)).ifPresent(this::poll);
        return store.find(id);
    }

    private void poll(Feed feed) {
        Instant now = clock.instant();
        try {
            switch (fetcher.fetch(feed.url(), feed.validators())) {
                case FeedFetcher.NotModified notModified -> {
                    store.recordNotModified(feed.id(), now);
                    log.info(
                            "feed {} ({}, {}) polled: not modified, {} events ahead as before",
                            feed.id(),
                            feed.source(),
                            feed.boat(),
                            feed.lastEventCount().orElse(0));
                }
                case FeedFetcher.Body body -> reconcile(feed, parser.parse(body.bytes()), body.validators(), now);
            }
        } catch (FeedFailure failure) {
            store.recordFailure(feed.id(), now, failure.kind(), failure.getMessage());
            log.info(
                    "feed {} ({}, {}) poll failed ({}), {} in a row: {}",
                    feed.id(),
                    feed.source(),
                    feed.boat(),
                    failure.kind(),
                    feed.consecutiveFailures() + 1,
                    failure.getMessage());
        } catch (RuntimeException e) {
            store.release(feed.id());
            log.warn("feed {} ({}, {}) poll stopped: {}", feed.id(), feed.source(), feed.boat(), e.toString());
            throw e;
        }
    }

    private void reconcile(Feed feed, List<FeedEvent> events, FeedFetcher.Validators validators, Instant now)
            throws FeedFailure {
        int before = feed.lastEventCount().orElse(0);
        if (events.isEmpty() && before > 0) {
            throw new FeedFailure(
                    FeedFailure.Kind.EMPTY,
                    "the feed is empty although it listed " + before + " events before: a broken export?");
        }
        FeedReconciler.Tally t = reconciler.reconcile(feed, events, now);
        store.recordSuccess(feed.id(), now, t.ahead(), validators);
        log.info(
                "feed {} ({}, {}) polled: {} events ahead, {} created, {} moved, {} vanished, {} cancelled,"
                        + " {} blocks, {} skipped",
                feed.id(),
                feed.source(),
                feed.boat(),
                t.ahead(),
                t.created(),
                t.moved(),
                t.vanished(),
                t.cancelled(),
                t.blocks(),
                t.skipped());
    }
}
