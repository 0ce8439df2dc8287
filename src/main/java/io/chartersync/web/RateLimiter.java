package io.chartersync.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per key in any sliding minute, in this node's memory (each node of a
 * cluster counts its own). Keys idle for a minute are forgotten, so memory stays bounded by the busy ones.
 */
public final class RateLimiter {
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int SWEEP_ABOVE = 10_000;

    private final int limit;
    private final Clock clock;
    private final Map<String, ArrayDeque<Long>> recent = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least 1 request a minute");
        }
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts a request for {@code key}: empty when allowed, else the whole seconds until one would be. */
    public OptionalLong acquire(String key) {
        long now = clock.millis();
        if (recent.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        ArrayDeque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                long waitMillis = times.peekFirst() + WINDOW.toMillis() - now;
                return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
            }
            times.addLast(now);
            return OptionalLong.empty();
        }
    }

    private void sweep(long now) {
        recent.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Long last = e.getValue().peekLast();
                return last == null || last <= now - WINDOW.toMillis();
            }
        });
    }
}
