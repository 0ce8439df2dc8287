package io.chartersync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sliding minute of {@link RateLimiter}, on a clock the test moves. */
class RateLimiterTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2025-06-01T12:00:00Z"));

    @Test
    void requests_up_to_the_limit_are_allowed_and_the_next_is_told_to_wait_a_minute() {
        RateLimiter limiter = new RateLimiter(3, clock);

        assertThat(IntStream.range(0, 3).mapToObj(i -> limiter.acquire("k"))).containsOnly(OptionalLong.empty());
        assertThat(limiter.acquire("k")).hasValue(60);
    }

    @Test
    void retry_after_counts_down_as_the_clock_moves() {
        RateLimiter limiter = new RateLimiter(1, clock);
        limiter.acquire("k");

        clock.advance(Duration.ofSeconds(20));
        OptionalLong after20 = limiter.acquire("k");
        clock.advance(Duration.ofSeconds(30));
        OptionalLong after50 = limiter.acquire("k");
        clock.advance(Duration.ofMillis(9_500));
        OptionalLong after59AndAHalf = limiter.acquire("k");

        assertThat(after20).hasValue(40);
        assertThat(after50).hasValue(10);
        assertThat(after59AndAHalf).as("part of a second is rounded up").hasValue(1);
    }

    @Test
    void refused_requests_do_not_push_the_wait_further_out() {
        RateLimiter limiter = new RateLimiter(2, clock);
        limiter.acquire("k");
        limiter.acquire("k");

        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofSeconds(1));
            limiter.acquire("k");
        }

        assertThat(limiter.acquire("k")).hasValue(10);
    }

    @Test
    void a_minute_after_a_request_its_key_is_allowed_again() {
        RateLimiter limiter = new RateLimiter(2, clock);
        limiter.acquire("k");
        limiter.acquire("k");

        clock.advance(Duration.ofSeconds(59));
        OptionalLong justBefore = limiter.acquire("k");
        clock.advance(Duration.ofSeconds(1));
        OptionalLong aMinuteLater = limiter.acquire("k");

        assertThat(justBefore).hasValue(1);
        assertThat(aMinuteLater).isEmpty();
    }

    @Test
    void the_window_slides_freeing_each_request_a_minute_after_it_was_made() {
        RateLimiter limiter = new RateLimiter(3, clock);
        limiter.acquire("k"); // t = 0
        clock.advance(Duration.ofSeconds(30));
        limiter.acquire("k"); // t = 30
        limiter.acquire("k"); // t = 30

        clock.advance(Duration.ofSeconds(15)); // t = 45: three in the last minute
        OptionalLong at45 = limiter.acquire("k");
        clock.advance(Duration.ofSeconds(15)); // t = 60: the request of t = 0 has left the window
        OptionalLong at60 = limiter.acquire("k");
        OptionalLong at60Again = limiter.acquire("k");
        clock.advance(Duration.ofSeconds(30)); // t = 90: both of t = 30 have left
        OptionalLong at90 = limiter.acquire("k");
        OptionalLong at90Again = limiter.acquire("k");

        assertThat(at45).hasValue(15);
        assertThat(at60).isEmpty();
        assertThat(at60Again).as("still two from t = 30 and one from t = 60").hasValue(30);
        assertThat(at90).isEmpty();
        assertThat(at90Again).isEmpty();
        assertThat(limiter.acquire("k")).as("t = 60 and twice t = 90").hasValue(30);
    }

    @Test
    void each_key_has_its_own_minute() {
        RateLimiter limiter = new RateLimiter(1, clock);

        OptionalLong first = limiter.acquire("link:a");
        OptionalLong other = limiter.acquire("link:b");
        OptionalLong firstAgain = limiter.acquire("link:a");

        assertThat(first).isEmpty();
        assertThat(other).isEmpty();
        assertThat(firstAgain).hasValue(60);
    }

    @Test
    void sweeping_idle_keys_keeps_the_count_of_a_busy_one() {
        RateLimiter limiter = new RateLimiter(1, clock);
        for (int i = 0; i <= 10_000; i++) {
            limiter.acquire("ip:" + i);
        }
        clock.advance(Duration.ofSeconds(30));
        limiter.acquire("ip:busy");

        clock.advance(Duration.ofSeconds(30)); // over 10,000 keys, most idle for a minute: they are swept
        OptionalLong busy = limiter.acquire("ip:busy");

        assertThat(busy).hasValue(30);
        assertThat(limiter.acquire("ip:0")).isEmpty();
    }

    @Test
    void a_limit_below_one_is_refused() {
        assertThatThrownBy(() -> new RateLimiter(0, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
