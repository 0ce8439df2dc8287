package io.chartersync.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every charter body shares ({@link CharterTimes}, {@link CrewAssignments}), as a table: a body, the
 * rule read over it, and what it gives or the field errors it names. Bookings, calendar entries and events run
 * these same rules; their own tests show each applies them.
 */
class CharterRulesTest {
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final String GAP =
            "2024-03-10T02:30:00 does not exist in America/Los_Angeles (the clocks skip that hour)";
    private static final String YEARS = "must be a date in the years 2000 to 2100, was ";

    private static final Function<JsonFields, Object> START = f -> CharterTimes.start(f, "start", LA);
    private static final Function<JsonFields, Object> DATE_AND_TIME =
            f -> CharterTimes.start(f, "date", "start_time", LocalTime.of(9, 0), LA);
    private static final Function<JsonFields, Object> START_INSTANT =
            f -> CharterTimes.start(f, "start", LA).map(ZonedDateTime::toInstant);
    /** An event's crew ids after its captain, {@code c-1}. */
    private static final Function<JsonFields, Object> EVENT_CREW =
            f -> CrewAssignments.memberIds(f, "crew", new LinkedHashSet<>(Set.of("c-1")));

    private static final Function<JsonFields, Object> WITHOUT_ZONE = f -> {
        CharterTimes.checkWithoutZone(f, "start");
        return Optional.empty();
    };
    private static final Function<JsonFields, Object> HOURS = f -> CharterTimes.durationHours(f, "duration_hours");
    private static final Function<JsonFields, Object> ASSIGNMENTS = f -> CrewAssignments.read(f, "crew_assignments");

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("a wall time", "{'start': '2024-05-30T09:00:00'}", START, zoned("2024-05-30T09:00", -7)),
                arguments(
                        "a wall time without seconds",
                        "{'start': '2024-05-30T09:00'}",
                        START,
                        zoned("2024-05-30T09:00", -7)),
                arguments(
                        "an instant keeps its instant",
                        "{'start': '2024-05-30T16:00:00Z'}",
                        START_INSTANT,
                        Optional.of(Instant.parse("2024-05-30T16:00:00Z"))),
                arguments(
                        "an instant in the repeated hour keeps its second occurrence",
                        "{'start': '2024-11-03T01:30:00-08:00'}",
                        START,
                        zoned("2024-11-03T01:30", -8)),
                arguments(
                        "a wall time in the repeated hour is its first occurrence",
                        "{'start': '2024-11-03T01:30:00'}",
                        START,
                        zoned("2024-11-03T01:30", -7)),
                arguments(
                        "the last day of 2100",
                        "{'start': '2100-12-31T23:00:00'}",
                        START,
                        zoned("2100-12-31T23:00", -8)),
                arguments(
                        "a date and a time",
                        "{'date': '2024-05-30', 'start_time': '14:15'}",
                        DATE_AND_TIME,
                        zoned("2024-05-30T14:15", -7)),
                arguments(
                        "a date alone starts at the default time",
                        "{'date': '2024-05-30'}",
                        DATE_AND_TIME,
                        zoned("2024-05-30T09:00", -7)),
                arguments("336 hours", "{'duration_hours': 336}", HOURS, new BigDecimal("336")),
                arguments(
                        "hours as a string, trailing zeros stripped",
                        "{'duration_hours': '2.50'}",
                        HOURS,
                        new BigDecimal("2.5")),
                arguments(
                        "assignments",
                        "{'crew_assignments': [{'role': 'captain', 'count': 1, 'hourly_rate': 50.50, 'members': ['c-1']},"
                                + " {'role': 'crew', 'count': '2', 'hourly_rate': 25}]}",
                        ASSIGNMENTS,
                        List.of(
                                new CrewAssignments.Assignment("captain", 1, new BigDecimal("50.5"), List.of("c-1")),
                                new CrewAssignments.Assignment("crew", 2, new BigDecimal("25"), List.of()))),
                arguments("no assignments", "{}", ASSIGNMENTS, List.of()));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments(
                        "a wall time the clocks skip", "{'start': '2024-03-10T02:30:00'}", START, errors("start", GAP)),
                arguments(
                        "a skipped wall time without seconds, shown with them",
                        "{'start': '2024-03-10T02:30'}",
                        START,
                        errors("start", GAP)),
                arguments(
                        "a skipped time of a date and a time, named on the time",
                        "{'date': '2024-03-10', 'start_time': '02:30'}",
                        DATE_AND_TIME,
                        errors("start_time", GAP)),
                arguments(
                        "not a date and time",
                        "{'start': 'next thursday'}",
                        START,
                        errors("start", notADateAndTime("next thursday"))),
                arguments(
                        "an impossible date",
                        "{'start': '2024-02-30T09:00:00'}",
                        START,
                        errors("start", notADateAndTime("2024-02-30T09:00:00"))),
                arguments(
                        "a start before 2000",
                        "{'start': '1999-12-31T23:00:00'}",
                        START,
                        errors("start", YEARS + "1999-12-31")),
                arguments(
                        "an instant before 2000 on the marina's clock",
                        "{'start': '2000-01-01T07:00:00Z'}",
                        START,
                        errors("start", YEARS + "1999-12-31")),
                arguments(
                        "a start after 2100",
                        "{'start': '+10000-05-30T09:00:00'}",
                        START,
                        errors("start", YEARS + "+10000-05-30")),
                arguments(
                        "an instant at the end of time",
                        "{'start': '+999999999-12-31T23:59:59-18:00'}",
                        START,
                        errors("start", YEARS + "+999999999-12-31")),
                arguments(
                        "a skipped hour outside the years names the years",
                        "{'start': '1999-04-04T02:30:00'}",
                        START,
                        errors("start", YEARS + "1999-04-04")),
                arguments("a missing start", "{}", START, errors("start", "is required")),
                arguments(
                        "the years of a date and a time, named on the date",
                        "{'date': '2101-01-01'}",
                        DATE_AND_TIME,
                        errors("date", YEARS + "2101-01-01")),
                arguments(
                        "a bad date and a bad time",
                        "{'date': '2024-02-30', 'start_time': '25:00'}",
                        DATE_AND_TIME,
                        List.of(
                                new FieldError("date", "must be a date (YYYY-MM-DD)"),
                                new FieldError("start_time", "must be a time (HH:MM)"))),
                arguments(
                        "zero hours",
                        "{'duration_hours': 0}",
                        HOURS,
                        errors("duration_hours", "must be greater than 0")),
                arguments(
                        "over two weeks",
                        "{'duration_hours': 336.25}",
                        HOURS,
                        errors("duration_hours", "must be at most 336 hours")),
                arguments("missing hours", "{}", HOURS, errors("duration_hours", "is required")),
                arguments(
                        "a member named in two assignments",
                        "{'crew_assignments': [{'role': 'captain', 'count': 1, 'hourly_rate': 50, 'members': ['c-1']},"
                                + " {'role': 'crew', 'count': 2, 'hourly_rate': 25, 'members': ['d-1', 'c-1']}]}",
                        ASSIGNMENTS,
                        errors("crew_assignments[1].members[1]", "crew member 'c-1' is named twice")),
                arguments(
                        "a member named twice in one assignment",
                        "{'crew_assignments': [{'role': 'crew', 'count': 2, 'hourly_rate': 25, 'members': ['d-1', 'd-1']}]}",
                        ASSIGNMENTS,
                        errors("crew_assignments[0].members[1]", "crew member 'd-1' is named twice")),
                arguments(
                        "more members than the count",
                        "{'crew_assignments': [{'role': 'crew', 'count': 1, 'hourly_rate': 25, 'members': ['d-1', 'd-2']}]}",
                        ASSIGNMENTS,
                        errors("crew_assignments[0].members", "names 2 members but count is 1")),
                arguments(
                        "a count that is no whole number from 1 to 100",
                        "{'crew_assignments': [{'role': 'a', 'count': 1.5, 'hourly_rate': 1},"
                                + " {'role': 'b', 'count': 0, 'hourly_rate': 1}, {'role': 'c', 'count': 101, 'hourly_rate': 1}]}",
                        ASSIGNMENTS,
                        List.of(
                                new FieldError("crew_assignments[0].count", "must be a whole number from 1 to 100"),
                                new FieldError("crew_assignments[1].count", "must be a whole number from 1 to 100"),
                                new FieldError("crew_assignments[2].count", "must be a whole number from 1 to 100"))),
                arguments(
                        "a negative rate, a blank member, members not a list",
                        "{'crew_assignments': [{'role': 'a', 'count': 1, 'hourly_rate': -1, 'members': [' ']},"
                                + " {'role': 'b', 'count': 1, 'hourly_rate': 1, 'members': 'd-1'}]}",
                        ASSIGNMENTS,
                        List.of(
                                new FieldError("crew_assignments[0].hourly_rate", "must not be negative"),
                                new FieldError("crew_assignments[0].members[0]", "must be a crew member id"),
                                new FieldError("crew_assignments[1].members", "must be an array of crew member ids"))),
                arguments(
                        "more than 20 assignments",
                        "{'crew_assignments': [" + "{'role': 'r', 'count': 1, 'hourly_rate': 1},".repeat(20)
                                + "{'role': 'r', 'count': 1, 'hourly_rate': 1}]}",
                        ASSIGNMENTS,
                        errors("crew_assignments", "holds at most 20 assignments (one per role)")),
                arguments(
                        "without its zone a start is still checked for its form",
                        "{'start': 'next thursday'}",
                        WITHOUT_ZONE,
                        errors("start", notADateAndTime("next thursday"))),
                arguments(
                        "without its zone a wall time is still checked for its years",
                        "{'start': '1999-12-31T23:00:00'}",
                        WITHOUT_ZONE,
                        errors("start", YEARS + "1999-12-31")),
                arguments(
                        "an event's crew naming its captain again",
                        "{'crew': ['d-1', 'c-1']}",
                        EVENT_CREW,
                        errors("crew[1]", "crew member 'c-1' is named twice")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void accepted(String description, String body, Function<JsonFields, Object> rule, Object expected)
            throws JsonProcessingException {
        JsonFields f = fields(body);

        Object value = rule.apply(f);

        f.throwIfAny();
        assertThat(value).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(String description, String body, Function<JsonFields, Object> rule, List<FieldError> errors)
            throws JsonProcessingException {
        JsonFields f = fields(body);

        var unused = rule.apply(f);

        assertThatThrownBy(f::throwIfAny)
                .isInstanceOfSatisfying(
                        AppException.InvalidInput.class,
                        e -> assertThat(e.errors()).containsExactlyElementsOf(errors));
    }

    private static JsonFields fields(String body) throws JsonProcessingException {
        return new JsonFields(Json.mapper().readTree(body.replace('\'', '"')));
    }

    /** The start at {@code local} with that UTC offset, in Los Angeles. */
    private static Optional<ZonedDateTime> zoned(String local, int offsetHours) {
        return Optional.of(OffsetDateTime.of(LocalDateTime.parse(local), ZoneOffset.ofHours(offsetHours))
                .atZoneSameInstant(LA));
    }

    private static List<FieldError> errors(String field, String detail) {
        return List.of(new FieldError(field, detail));
    }

    private static String notADateAndTime(String value) {
        return "'" + value + "' is not a date and time (YYYY-MM-DDTHH:MM:SS on the marina's clock, or an instant"
                + " with its offset such as 2024-05-30T16:00:00Z)";
    }
}
