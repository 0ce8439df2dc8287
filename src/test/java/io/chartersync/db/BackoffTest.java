package io.chartersync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

class BackoffTest {
    private final Backoff<String> backoff =
            new Backoff<>(Duration.ofSeconds(2), Duration.ofMinutes(30), 25, (i, c) -> {});

    @RepeatedTest(20)
    void delay_doubles_with_jitter_and_is_capped() {
        assertThat(backoff.delay(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(backoff.delay(4)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(24));
        assertThat(backoff.delay(40)).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(45));
    }
}
