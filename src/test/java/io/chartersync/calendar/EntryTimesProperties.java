package io.chartersync.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.AppException;
import io.chartersync.common.FieldError;
import io.chartersync.common.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * An entry's instants follow from its local start and zone: the start reads back as the same wall time (the
 * earlier one when the clocks fall back), and the end is the duration later in elapsed time, in any zone.
 */
class EntryTimesProperties {
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Property(tries = 500)
    void start_reads_back_as_the_local_wall_time_and_end_is_exactly_the_duration_later(
            @ForAll("zones") ZoneId zone,
            @ForAll("dates") LocalDate date,
            @ForAll("times") LocalTime start,
            @ForAll @IntRange(min = 1, max = 48) int quarters) {
        LocalDateTime local = date.atTime(start);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        Assume.that(!offsets.isEmpty());

        EntryInput entry = entry(date, start, zone, quarters);

        assertThat(entry.startsAt().atZone(zone).toLocalDateTime()).isEqualTo(local);
        assertThat(entry.startsAt()).isEqualTo(earliest(local, offsets));
        assertThat(Duration.between(entry.startsAt(), entry.endsAt())).isEqualTo(Duration.ofMinutes(15L * quarters));
    }

    @Property(tries = 200)
    void in_a_fall_back_overlap_the_start_takes_the_earlier_offset(
            @ForAll("zones") ZoneId zone, @ForAll("dates") LocalDate date) {
        var transition = zone.getRules().nextTransition(date.atStartOfDay(zone).toInstant());
        Assume.that(transition != null && transition.isOverlap());
        LocalDateTime local = transition.getDateTimeAfter();

        EntryInput entry = entry(local.toLocalDate(), local.toLocalTime(), zone, 4);

        assertThat(entry.startsAt().atZone(zone).getOffset()).isEqualTo(transition.getOffsetBefore());
        assertThat(entry.startsAt()).isEqualTo(transition.getInstant().plus(transition.getDuration()));
        assertThat(Duration.between(entry.startsAt(), entry.endsAt())).isEqualTo(Duration.ofHours(1));
    }

    @Property(tries = 200)
    void a_start_the_clocks_skip_is_refused_naming_start_time_and_the_minute_before_is_accepted(
            @ForAll("zones") ZoneId zone, @ForAll("dates") LocalDate date) {
        var transition = zone.getRules().nextTransition(date.atStartOfDay(zone).toInstant());
        Assume.that(transition != null && transition.isGap());
        LocalDateTime skipped = transition.getDateTimeBefore();
        LocalDateTime before = skipped.minusMinutes(1);
        EntryParser parser = new EntryParser(ZoneId.of("UTC"));

        assertThatThrownBy(() -> parser.parse(body(skipped, zone)))
                .isInstanceOfSatisfying(
                        AppException.InvalidInput.class,
                        e -> assertThat(e.errors().stream().map(FieldError::field))
                                .containsExactly("start_time"));
        assertThat(parser.parse(body(before, zone)).startsAt())
                .isEqualTo(before.atZone(zone).toInstant())
                .isBefore(transition.getInstant());
    }

    @Example
    void every_quarter_hour_of_every_day_of_2024_in_los_angeles_round_trips_where_it_exists() {
        int skipped = 0;
        int doubled = 0;
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
            for (int minute = 0; minute < 24 * 60; minute += 15) {
                LocalTime start = LocalTime.ofSecondOfDay(minute * 60L);
                LocalDateTime local = day.atTime(start);
                List<ZoneOffset> offsets = LOS_ANGELES.getRules().getValidOffsets(local);
                if (offsets.isEmpty()) {
                    skipped++;
                    continue;
                }
                doubled += offsets.size() > 1 ? 1 : 0;
                EntryInput entry = entry(day, start, LOS_ANGELES, 12);
                assertThat(entry.startsAt().atZone(LOS_ANGELES).toLocalDateTime())
                        .as("start of %s", local)
                        .isEqualTo(local);
                assertThat(entry.startsAt()).as("start of %s", local).isEqualTo(earliest(local, offsets));
                assertThat(Duration.between(entry.startsAt(), entry.endsAt()))
                        .as("length of %s", local)
                        .isEqualTo(Duration.ofHours(3));
            }
        }

        assertThat(skipped)
                .as("quarter hours skipped on 2024-03-10 02:00-02:45")
                .isEqualTo(4);
        assertThat(doubled)
                .as("quarter hours repeated on 2024-11-03 01:00-01:45")
                .isEqualTo(4);
    }

    @Example
    void the_two_clock_change_nights_of_2024_in_los_angeles() {
        EntryInput fallBack = entry(LocalDate.of(2024, 11, 3), LocalTime.of(1, 30), LOS_ANGELES, 12);
        EntryInput springForward = entry(LocalDate.of(2024, 3, 10), LocalTime.of(1, 30), LOS_ANGELES, 12);

        assertThat(fallBack.startsAt()).isEqualTo(Instant.parse("2024-11-03T08:30:00Z"));
        assertThat(fallBack.endsAt()).isEqualTo(Instant.parse("2024-11-03T11:30:00Z"));
        assertThat(fallBack.endsAt().atZone(LOS_ANGELES).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(springForward.startsAt()).isEqualTo(Instant.parse("2024-03-10T09:30:00Z"));
        assertThat(springForward.endsAt()).isEqualTo(Instant.parse("2024-03-10T12:30:00Z"));
        assertThat(springForward.endsAt().atZone(LOS_ANGELES).toLocalTime()).isEqualTo(LocalTime.of(5, 30));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds().stream().sorted().toList())
                .map(ZoneId::of);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        long first = LocalDate.of(2000, 1, 1).toEpochDay();
        long last = LocalDate.of(2040, 12, 31).toEpochDay();
        return Arbitraries.longs().between(first, last).map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.ofSecondOfDay(m * 60L));
    }

    private static EntryInput entry(LocalDate date, LocalTime start, ZoneId zone, int quarters) {
        BigDecimal hours =
                BigDecimal.valueOf(quarters).divide(BigDecimal.valueOf(4)).stripTrailingZeros();
        return new EntryInput(Optional.empty(), "charter", date, start, zone, hours, "", "", "", List.of(), false);
    }

    private static ObjectNode body(LocalDateTime start, ZoneId zone) {
        return Json.mapper()
                .createObjectNode()
                .put("event_type", "charter")
                .put("date", start.toLocalDate().toString())
                .put("start_time", start.toLocalTime().toString())
                .put("time_zone", zone.getId())
                .put("duration_hours", 2);
    }

    private static Instant earliest(LocalDateTime local, List<ZoneOffset> offsets) {
        return offsets.stream().map(local::toInstant).min(Instant::compareTo).orElseThrow();
    }
}
