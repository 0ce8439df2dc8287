package io.chartersync.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A feed as stored: whose calendar ({@code source}, {@code boat}), where ({@code url}, a secret: {@link
 * FeedUrl#masked} is what shows), how often, whether a vanished event cancels its booking, and how its polls
 * went. {@code lastEventCount}: the events ahead that the last good poll listed.
 */
record Feed(
        UUID id,
        String source,
        String boat,
        URI url,
        int intervalMinutes,
        boolean autoCancel,
        FeedFetcher.Validators validators,
        Instant createdAt,
        Optional<Instant> lastPolledAt,
        Optional<Instant> lastOkAt,
        Optional<String> lastError,
        int consecutiveFailures,
        Optional<Integer> lastEventCount) {

    /** Failures in a row from which the feed itself needs the operator. */
    static final int FAILING = 3;

    Duration interval() {
        return Duration.ofMinutes(intervalMinutes);
    }

    /** When the scheduled poll comes next: an interval after the last poll (any poll), or at once for a new feed. */
    Instant nextPollAt() {
        return lastPolledAt.map(at -> at.plus(interval())).orElse(createdAt);
    }

    boolean failing() {
        return consecutiveFailures >= FAILING;
    }
}
