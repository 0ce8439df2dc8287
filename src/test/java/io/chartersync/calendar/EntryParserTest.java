package io.chartersync.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.AppException;
import io.chartersync.common.FieldError;
import io.chartersync.testsupport.Examples;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Calendar entries follow the rules every charter body shares (common.CharterRulesTest), with their own names. */
class EntryParserTest {
    private final EntryParser parser = new EntryParser(ZoneId.of("America/Los_Angeles"));

    @Test
    void a_member_named_in_two_roles_is_refused_as_by_bookings() {
        ObjectNode body = Examples.calendarEntry();
        ((ObjectNode) body.withArray("crew_assignments").get(0))
                .putArray("members")
                .add("crew-1");
        ((ObjectNode) body.withArray("crew_assignments").get(1))
                .putArray("members")
                .add("crew-1");

        assertRefused(body, new FieldError("crew_assignments[1].members[0]", "crew member 'crew-1' is named twice"));
    }

    @Test
    void a_start_the_clocks_skip_gets_the_answer_a_booking_gets_named_on_start_time() {
        ObjectNode body = Examples.calendarEntry().put("date", "2024-03-10").put("start_time", "02:30");

        assertRefused(
                body,
                new FieldError(
                        "start_time",
                        "2024-03-10T02:30:00 does not exist in America/Los_Angeles (the clocks skip that hour)"));
    }

    @Test
    void a_charter_longer_than_336_hours_is_refused_as_by_every_route() {
        ObjectNode body = Examples.calendarEntry().put("duration_hours", 337);

        assertRefused(body, new FieldError("duration_hours", "must be at most 336 hours"));
    }

    @Test
    void a_start_the_clocks_repeat_is_its_first_occurrence() {
        ObjectNode body = Examples.calendarEntry().put("date", "2024-11-03").put("start_time", "01:30");

        EntryInput entry = parser.parse(body);

        assertThat(entry.startsAt().toString()).isEqualTo("2024-11-03T08:30:00Z");
        assertThat(entry.assignments())
                .extracting(CalendarPort.Assignment::role)
                .containsExactly("crew", "captain");
    }

    private void assertRefused(ObjectNode body, FieldError error) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(
                        AppException.InvalidInput.class,
                        e -> assertThat(e.errors()).containsExactly(error));
    }
}
