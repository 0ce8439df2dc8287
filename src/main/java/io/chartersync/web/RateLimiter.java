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
        OptionalLong[] answer = new OptionalLong[1];
        // compute() runs under the key's lock: counting and the sweep never race on one key's times.
        recent.compute(key, (k, times) -> {
            ArrayDeque<Long> live = times == null ? new ArrayDeque<>() : times;
            forgetBefore(live, now);
            if (live.size() >= limit) {
                long waitMillis = live.peekFirst() + WINDOW.toMillis() - now;
                answer[0] = OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
            } else {
                live.addLast(now);
                answer[0] = OptionalLong.empty();
            }
            return live;
        });
        return answer[0];
    }

    private void sweep(long now) {
        for (String key : recent.keySet()) {
            recent.computeIfPresent(key, (k, times) -> {
                forgetBefore(times, now);
                return times.isEmpty() ? null : times;
            });
        }
    }

    private static void forgetBefore(ArrayDeque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) {
            times.pollFirst();
        }
    }
}
