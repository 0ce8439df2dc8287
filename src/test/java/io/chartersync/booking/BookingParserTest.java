package io.chartersync.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.AppException;
import io.chartersync.common.FieldError;
import io.chartersync.common.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BookingParserTest {
    private final BookingParser parser = new BookingParser(ids -> ids.contains("ghost") ? Set.of("ghost") : Set.of());

    private static ObjectNode example() throws Exception {
        return (ObjectNode) Json.mapper().readTree(Files.readString(Path.of("examples/booking.example.json")));
    }

    @Test
    void seed_booking_parses_into_all_its_parts() throws Exception {
        Booking b = parser.parse(example());

        assertThat(b.start()).isEqualTo(LocalDateTime.of(2024, 5, 30, 9, 0));
        assertThat(b.startsAt().getOffset().getTotalSeconds()).isEqualTo(-7 * 3600);
        assertThat(b.revenue()).hasValueSatisfying(r -> assertThat(r.amount()).isEqualByComparingTo("840.75"));
        assertThat(b.crewAssignments()).extracting(Booking.CrewAssignment::role).containsExactly("captain", "crew");
        assertThat(b.guest().partySize()).contains(6);
    }

    @Test
    void notify_guest_defaults_to_true_and_is_stored_only_when_false() throws Exception {
        Booking plain = parser.parse(example());
        Booking told = parser.parse(example().put("notify_guest", true));
        Booking quiet = parser.parse(example().put("notify_guest", false));
        String plainJson = Json.mapper().writeValueAsString(plain);

        assertThat(plain.guestNotifyAddress()).hasValue("guest@example.com");
        assertThat(quiet.guestNotifyAddress()).isEmpty();
        assertThat(plainJson)
                .as("bodies stored before the field keep their hash")
                .doesNotContain("notify_guest");
        assertThat(Json.mapper().writeValueAsString(told)).isEqualTo(plainJson);
        assertThat(Json.mapper().writeValueAsString(quiet)).contains("\"notify_guest\":false");
        assertThat(Json.mapper().readValue(plainJson, Booking.class).guestNotifyAddress())
                .hasValue("guest@example.com");
        assertThat(Json.mapper()
                        .readValue(Json.mapper().writeValueAsString(quiet), Booking.class)
                        .notifyGuest())
                .hasValue(false);
    }

    @Test
    void every_bad_field_is_named_in_one_answer() throws Exception {
        ObjectNode body = example();
        body.remove("external_id");
        body.put("duration_hours", 0);
        body.withObjectProperty("guest").put("email", "not-an-email");

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(
                        AppException.InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactlyInAnyOrder("external_id", "duration_hours", "guest.email"));
    }

    @Test
    void start_in_the_spring_forward_gap_is_refused() throws Exception {
        ObjectNode body = example();
        body.put("start", "2024-03-10T02:30:00");

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(
                        AppException.InvalidInput.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        new FieldError(
                                                "start",
                                                "2024-03-10T02:30:00 does not exist in America/Los_Angeles (the clocks skip that hour)")));
    }

    @Test
    void a_member_named_in_two_roles_is_refused_as_by_every_route() throws Exception {
        ObjectNode body = example();
        ((ObjectNode) body.withArray("crew_assignments").get(1))
                .withArray("members")
                .set(1, Json.mapper().getNodeFactory().textNode("captain-1"));

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(
                        AppException.InvalidInput.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError(
                                        "crew_assignments[1].members[1]", "crew member 'captain-1' is named twice")));
    }

    @Test
    void a_charter_longer_than_336_hours_is_refused_as_by_every_route() throws Exception {
        ObjectNode body = example();
        body.put("duration_hours", 336.5);

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(
                        AppException.InvalidInput.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError("duration_hours", "must be at most 336 hours")));
    }

    @Test
    void a_start_with_an_offset_is_read_on_the_bookings_clock() throws Exception {
        ObjectNode body = example();
        body.put("start", "2024-05-30T16:00:00Z");

        assertThat(parser.parse(body).start()).isEqualTo(LocalDateTime.of(2024, 5, 30, 9, 0));
    }

    @Test
    void start_in_the_fall_back_overlap_takes_the_first_occurrence() throws Exception {
        ObjectNode body = example();
        body.put("start", "2024-11-03T01:30:00");

        Booking b = parser.parse(body);

        assertThat(b.startsAt().getOffset().getTotalSeconds()).isEqualTo(-7 * 3600);
    }

    @Test
    void unknown_crew_member_is_named() throws Exception {
        ObjectNode body = example();
        ((ObjectNode) body.withArray("crew_assignments").get(0))
                .withArray("members")
                .set(0, Json.mapper().getNodeFactory().textNode("ghost"));

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(
                        AppException.InvalidInput.class,
                        e -> assertThat(e.getMessage()).contains("crew_assignments", "'ghost'"));
    }

    @Test
    void equal_bodies_written_differently_parse_equal() throws Exception {
        ObjectNode a = example();
        ObjectNode b = example();
        b.put("duration_hours", "3.0");
        b.withObjectProperty("revenue").put("amount", 840.75);

        assertThat(List.of(parser.parse(a))).containsExactly(parser.parse(b));
    }
}
