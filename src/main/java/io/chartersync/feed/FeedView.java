package io.chartersync.feed;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A feed's document (the API's and the console's): never its full URL, only {@link FeedUrl#masked} (scheme and
 * host). {@code events}: how many events ahead the last good poll listed (null before the first good poll);
 * {@code consecutiveFailures}: failed polls in a row (3 or more: the feed needs attention); {@code
 * nextPollAt}: when the scheduled poll comes next.
 */
public record FeedView(
        UUID id,
        String source,
        String boat,
        String url,
        int intervalMinutes,
        boolean autoCancel,
        Optional<Instant> lastPolledAt,
        Optional<Instant> lastOkAt,
        Optional<String> lastError,
        Optional<Integer> events,
        int consecutiveFailures,
        Instant nextPollAt) {

    static FeedView of(Feed f) {
        return new FeedView(
                f.id(),
                f.source(),
                f.boat(),
                FeedUrl.masked(f.url()),
                f.intervalMinutes(),
                f.autoCancel(),
                f.lastPolledAt(),
                f.lastOkAt(),
                f.lastError(),
                f.lastEventCount(),
                f.consecutiveFailures(),
                f.nextPollAt());
    }

    /** Whether the feed failed {@value Feed#FAILING} times in a row or more (it needs the operator). */
    public boolean failing() {
        return consecutiveFailures >= Feed.FAILING;
    }

    /** The marketplace's name as it writes it (Boatsetter, GetMyBoat, Click&Boat). */
    public String sourceName() {
        return FeedReconciler.sourceName(source);
    }
}
