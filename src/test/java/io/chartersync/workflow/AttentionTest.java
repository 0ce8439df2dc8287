package io.chartersync.workflow;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The status document's {@code attention}: each kind appears when its cause does and goes away by itself
 * when the cause does, over real HTTP, the real database and the real mail directory.
 */
class AttentionTest {
    private static final ZoneId MARINA = ZoneId.of("America/Los_Angeles");

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void a_fully_crewed_charter_days_ahead_needs_nothing_and_carries_its_body_as_accepted() {
        JsonNode status = app.bookings().submitAndSync(Examples.futureBooking(5), 1);

        assertThat(status.get("attention")).isEmpty();
        JsonNode booking = status.get("booking");
        assertThat(booking.get("external_id").asText()).startsWith("BS-FUTURE-");
        assertThat(booking.at("/revenue/amount").decimalValue()).isEqualByComparingTo("840.75");
        assertThat(booking.at("/notes/internal").asText()).startsWith("Paid through Boatsetter");
        assertThat(booking.at("/crew_assignments/1/members/1").asText()).isEqualTo("crew-2");
    }

    @Test
    void a_decline_needs_attention_until_the_member_is_replaced() {
        ObjectNode body = Examples.futureBooking(5);
        String id = app.bookings().submitAndSync(body, 1).get("id").asText();
        String crew2 = Mailbox.magicToken(awaitOne("To: crew-2@", "Subject: Confirm:"));
        Instant before = app.clock().instant();

        CrewPages.answer(app.http(), crew2, "decline");

        JsonNode item = only(app.bookings().status(id), "declined");
        assertThat(item.get("detail").asText()).isEqualTo("Jordan Park (crew) declined");
        assertThat(Instant.parse(item.get("since").asText()))
                .isBetween(before, app.clock().instant());

        app.http()
                .put(
                        "/api/crew/crew-3",
                        "{\"name\": \"Casey Wu\", \"email\": \"crew-3@crew.example.com\", \"roles\": [\"crew\"]}",
                        OPERATOR);
        ((ArrayNode) body.withArray("/crew_assignments").get(1).withArray("members")).set(1, "crew-3");
        JsonNode replaced = app.bookings().submitAndSync(body, 2);

        assertThat(replaced.get("attention")).isEmpty();
    }

    @Test
    void no_crew_and_no_captain_need_attention_until_someone_is_assigned() {
        ObjectNode body = Examples.futureBooking(5);
        members(body, 0).removeAll();
        members(body, 1).removeAll();
        String id = app.bookings().submitAndSync(body, 1).get("id").asText();
        assertThat(only(app.bookings().status(id), "no_crew").get("detail").asText())
                .isEqualTo("No crew assigned");

        members(body, 1).add("crew-1");
        assertThat(only(app.bookings().submitAndSync(body, 2), "no_crew")
                        .get("detail")
                        .asText())
                .isEqualTo("No captain assigned");

        members(body, 0).add("captain-1");
        assertThat(app.bookings().submitAndSync(body, 3).get("attention")).isEmpty();
    }

    @Test
    void a_cancelled_booking_needs_nothing_even_without_crew() {
        ObjectNode body = Examples.futureBooking(5);
        members(body, 0).removeAll();
        members(body, 1).removeAll();
        String id = app.bookings().submitAndSync(body, 1).get("id").asText();
        assertThat(app.bookings().status(id).get("attention")).hasSize(1);

        app.http().post("/api/bookings/" + id + "/cancel", "", OPERATOR);

        assertThat(app.bookings().awaitSettled(id, 2).get("attention")).isEmpty();
    }

    @Test
    void a_clash_names_the_other_booking_by_guest_boat_and_time_until_the_booking_moves() {
        ObjectNode first = Examples.futureBooking(5);
        first.withObjectProperty("guest").put("name", "Smith");
        app.bookings().submitAndSync(first, 1);
        ObjectNode second = Examples.futureBooking(5);
        second.put("external_id", "BS-CLASH");
        second.put("start", LocalDate.now(MARINA).plusDays(5) + "T10:00:00");
        JsonNode clashing = app.bookings().submitAndSync(second, 1);

        JsonNode item = only(clashing, "conflict");
        LocalDate day = LocalDate.now(MARINA).plusDays(5);
        assertThat(item.get("detail").asText())
                .isEqualTo("Clashes with Smith's charter on JADA at 9:00 AM on "
                        + day.format(DateTimeFormatter.ofPattern("EEE MMM d", Locale.US))
                        + " (the boat is taken)");
        assertThat(item.get("since").asText()).isNotBlank();

        second.put("start", day.plusDays(1) + "T10:00:00");
        assertThat(app.bookings().submitAndSync(second, 2).get("attention")).isEmpty();
    }

    @Test
    void members_who_have_not_answered_close_to_the_start_need_attention_until_they_answer() {
        JsonNode synced = app.bookings().submitAndSync(Examples.futureBooking(5), 1);
        String id = synced.get("id").asText();
        assertThat(synced.get("attention")).isEmpty();
        Instant start = LocalDateTime.parse(synced.at("/booking/start").asText())
                .atZone(MARINA)
                .toInstant();

        app.clock().advanceTo(start.minus(Duration.ofHours(47)));

        JsonNode status = app.bookings().status(id);
        assertThat(status.get("attention").findValuesAsText("kind")).containsOnly("unanswered");
        assertThat(status.get("attention").findValuesAsText("detail"))
                .containsExactlyInAnyOrder(
                        "Alex Rivera (captain) has not answered, and the charter starts within 48 hours",
                        "Sam Lee (crew) has not answered, and the charter starts within 48 hours",
                        "Jordan Park (crew) has not answered, and the charter starts within 48 hours");
        assertThat(status.get("attention").findValuesAsText("since"))
                .containsOnly(start.minus(Duration.ofHours(48)).toString());

        CrewPages.answer(app.http(), Mailbox.magicToken(awaitOne("To: crew-1@", "Subject: Confirm:")), "confirm");

        assertThat(app.bookings().status(id).get("attention").findValuesAsText("detail"))
                .containsExactlyInAnyOrder(
                        "Alex Rivera (captain) has not answered, and the charter starts within 48 hours",
                        "Jordan Park (crew) has not answered, and the charter starts within 48 hours");
    }

    @Test
    void a_charter_that_has_ended_needs_no_crew_attention() {
        ObjectNode body = Examples.futureBooking(5);
        members(body, 0).removeAll();
        String id = app.bookings().submitAndSync(body, 1).get("id").asText();
        assertThat(only(app.bookings().status(id), "no_crew")).isNotNull();

        app.clock().advance(Duration.ofDays(6));

        assertThat(app.bookings().status(id).get("attention")).isEmpty();
    }

    private static ArrayNode members(ObjectNode body, int assignment) {
        return (ArrayNode) body.withArray("/crew_assignments").get(assignment).withArray("members");
    }

    /** The one attention item of the status, which must be of {@code kind}. */
    static JsonNode only(JsonNode status, String kind) {
        JsonNode attention = status.get("attention");
        assertThat(attention).as(status.toString()).hasSize(1);
        assertThat(attention.get(0).get("kind").asText()).isEqualTo(kind);
        assertThat(attention.get(0).get("detail").asText()).isNotBlank();
        assertThat(Instant.parse(attention.get(0).get("since").asText())).isNotNull();
        return attention.get(0);
    }

    private static Path awaitOne(String... texts) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.mailbox().containing(texts).size() == 1);
        List<Path> found = app.mailbox().containing(texts);
        return found.getFirst();
    }
}
