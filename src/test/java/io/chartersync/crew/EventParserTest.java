package io.chartersync.crew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.AppException;
import io.chartersync.common.FieldError;
import io.chartersync.testsupport.Examples;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Events follow the rules every charter body shares (common.CharterRulesTest), with their own names. */
class EventParserTest {
    private final EventParser parser = new EventParser(
            ZoneId.of("America/Los_Angeles"), ids -> ids.contains("ghost") ? Set.of("ghost") : Set.of());

    @Test
    void the_seed_event_reads_its_instant_its_captain_and_its_crew() {
        EventParser.Parsed parsed = parser.parse(Examples.crewEvent());

        assertThat(parsed.event().startsAt()).isEqualTo(Instant.parse("2024-05-30T09:00:00Z"));
        assertThat(parsed.crew())
                .extracting(CrewPort.Member::memberId)
                .containsExactly("captain-1", "crew-1", "crew-2");
    }

    @Test
    void the_captain_named_again_as_crew_is_refused_as_by_bookings() {
        ObjectNode body = Examples.crewEvent();
        body.putArray("crew").add("crew-1").add("captain-1");

        assertRefused(body, new FieldError("crew[1]", "crew member 'captain-1' is named twice"));
    }

    @Test
    void a_start_the_clocks_skip_gets_the_answer_a_booking_gets_named_on_date() {
        ObjectNode body = Examples.crewEvent().put("date", "2024-03-10T02:30:00");

        assertRefused(
                body,
                new FieldError(
                        "date",
                        "2024-03-10T02:30:00 does not exist in America/Los_Angeles (the clocks skip that hour)"));
    }

    @Test
    void a_charter_longer_than_336_hours_is_refused_as_by_every_route() {
        ObjectNode body = Examples.crewEvent().put("duration_hours", 336.01);

        assertRefused(body, new FieldError("duration_hours", "must be at most 336 hours"));
    }

    @Test
    void the_roster_check_stays_the_events_own_naming_captain_or_crew() {
        ObjectNode body = Examples.crewEvent().put("captain", "ghost");

        assertRefused(body, new FieldError("captain", "crew member 'ghost' is not in the roster"));
    }

    private void assertRefused(ObjectNode body, FieldError error) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(
                        AppException.InvalidInput.class,
                        e -> assertThat(e.errors()).containsExactly(error));
    }
}
