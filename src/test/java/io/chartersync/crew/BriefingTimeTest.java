package io.chartersync.crew;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The briefing goes out at 18:00 on the marina's clock the day before, whatever the offset did overnight. */
class BriefingTimeTest {
    private static final ZoneId SAN_DIEGO = ZoneId.of("America/Los_Angeles");

    @Test
    void an_ordinary_day_is_18_00_the_evening_before() {
        assertThat(Briefings.dueFor(LocalDateTime.parse("2024-05-30T09:00").atZone(SAN_DIEGO)))
                .isEqualTo(Instant.parse("2024-05-30T01:00:00Z"));
    }

    @Test
    void the_evening_before_spring_forward_is_still_standard_time() {
        // Clocks jump from 02:00 PST to 03:00 PDT on Sunday 9 March 2025.
        assertThat(Briefings.dueFor(LocalDateTime.parse("2025-03-09T10:00").atZone(SAN_DIEGO)))
                .isEqualTo(Instant.parse("2025-03-09T02:00:00Z"));
    }

    @Test
    void the_evening_before_fall_back_is_still_daylight_time() {
        // Clocks fall from 02:00 PDT to 01:00 PST on Sunday 2 November 2025.
        assertThat(Briefings.dueFor(LocalDateTime.parse("2025-11-02T10:00").atZone(SAN_DIEGO)))
                .isEqualTo(Instant.parse("2025-11-02T01:00:00Z"));
    }

    @Test
    void the_day_after_a_change_uses_the_new_offset() {
        assertThat(Briefings.dueFor(LocalDateTime.parse("2025-03-10T08:00").atZone(SAN_DIEGO)))
                .isEqualTo(Instant.parse("2025-03-10T01:00:00Z"));
        assertThat(Briefings.dueFor(LocalDateTime.parse("2025-11-03T08:00").atZone(SAN_DIEGO)))
                .isEqualTo(Instant.parse("2025-11-03T02:00:00Z"));
    }

    @Test
    void a_charter_at_dawn_after_midnight_still_gets_the_evening_before() {
        assertThat(Briefings.dueFor(LocalDateTime.parse("2025-07-04T00:30").atZone(SAN_DIEGO)))
                .isEqualTo(Instant.parse("2025-07-04T01:00:00Z"));
    }

    @Test
    void other_marinas_use_their_own_clock() {
        // Sydney leaves daylight time on Sunday 6 April 2025 (03:00 AEDT -> 02:00 AEST).
        ZoneId sydney = ZoneId.of("Australia/Sydney");
        assertThat(Briefings.dueFor(LocalDateTime.parse("2025-04-06T09:00").atZone(sydney)))
                .isEqualTo(Instant.parse("2025-04-05T07:00:00Z"));
        assertThat(Briefings.dueFor(LocalDateTime.parse("2025-04-07T09:00").atZone(sydney)))
                .isEqualTo(Instant.parse("2025-04-06T08:00:00Z"));
    }
}
