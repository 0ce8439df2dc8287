package io.chartersync.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time plus an offset a test moves forward: the program keeps running (retries, polling, heartbeats go
 * on as usual) and a test makes "ten minutes pass" or "the evening before the charter arrive" at once,
 * instead of sleeping or rewriting the scheduler's rows. {@link SettableClock} is the one that stands still.
 */
public final class MovableClock extends Clock {
    private final Clock real = Clock.systemUTC();
    private volatile Duration offset = Duration.ZERO;

    /** Moves time forward by {@code by} (never back: the scheduler's heartbeats would look dead). */
    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + by);
        }
        offset = offset.plus(by);
    }

    /** Moves time forward to {@code to}; a moment already past leaves the clock where it is. */
    public synchronized void advanceTo(Instant to) {
        Duration by = Duration.between(instant(), to);
        if (!by.isNegative()) {
            advance(by);
        }
    }

    /**
     * Back to real time. Only with the database emptied first ({@code RunningApp} does both before each
     * test): a task planned under the moved clock would otherwise wait the offset out.
     */
    public synchronized void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a movable clock stays in UTC");
    }
}
