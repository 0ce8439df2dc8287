package io.chartersync.booking;

import static io.chartersync.testsupport.ProblemAssert.assertProblem;
import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static io.chartersync.testsupport.TestHttp.As.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A boat is named case-insensitively and without surrounding spaces ({@code "Jada "} is {@code JADA}) wherever
 * boats are matched; the name shown is the one registered with {@code PUT /api/boats/{boat}}, else the first
 * one seen.
 */
class BoatMatchingTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void a_booking_for_jada_with_a_trailing_space_clashes_with_jada_and_is_shown_as_jada() {
        JsonNode first = app.bookings().submitAndSync(Examples.booking(), 1);

        JsonNode second = app.bookings().submitAndSync(sameTimeWithoutCrew("BS-SPACE", "Jada "), 1);

        String firstEntry = first.at("/calendar/entry_id").asText();
        assertThat(second.at("/calendar/conflict_with").asText()).isEqualTo(firstEntry);
        JsonNode entry = entry(second.at("/calendar/entry_id").asText());
        assertThat(entry.get("status").asText()).isEqualTo("conflict");
        assertThat(entry.get("boat").asText()).isEqualTo("JADA");
        assertThat(app.http().get(GuestPages.path(app, second), NOBODY).body())
                .contains("JADA")
                .doesNotContain("Jada ");
    }

    @Test
    void a_calendar_entry_for_lowercase_jada_is_refused_while_jada_is_booked() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        ObjectNode entry = Examples.calendarEntry().put("boat", "jada").put("start_time", "10:00");
        entry.remove("crew_assignments");

        TestHttp.Response clash = app.http().post("/calendar", entry.toString(), OPERATOR);
        TestHttp.Response otherBoat =
                app.http().post("/calendar", entry.put("boat", "Jada II").toString(), OPERATOR);

        assertThat(assertProblem(clash, 409).get("detail").asText()).contains("the boat");
        assertThat(otherBoat.status()).as(otherBoat.body()).isEqualTo(201);
    }

    @Test
    void the_registered_display_name_is_shown_on_calendar_crew_and_guest_page() {
        TestHttp.Response registered =
                app.http().put("/api/boats/Jada%20Queen", "{\"what_to_bring\": [\"Deck shoes\"]}", OPERATOR);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);

        JsonNode status = app.bookings().submitAndSync(Examples.booking().put("boat", "  JADA QUEEN "), 1);

        assertThat(entry(status.at("/calendar/entry_id").asText()).get("boat").asText())
                .isEqualTo("Jada Queen");
        JsonNode event = app.http()
                .get("/events/" + status.at("/crew/event_id").asText(), SERVICE)
                .json();
        assertThat(event.get("boat").asText()).isEqualTo("Jada Queen");
        assertThat(app.http().get(GuestPages.path(app, status), NOBODY).body())
                .contains("Jada Queen", "Deck shoes")
                .doesNotContain("JADA QUEEN");
        JsonNode profile = app.http().get("/api/boats/jada%20queen", OPERATOR).json();
        assertThat(profile.get("boat").asText()).isEqualTo("Jada Queen");
        assertThat(profile.get("what_to_bring").get(0).asText()).isEqualTo("Deck shoes");
    }

    @Test
    void without_a_registration_the_first_name_seen_is_shown_and_a_resend_in_other_case_changes_nothing() {
        JsonNode first = app.bookings().submitAndSync(Examples.booking().put("boat", "Sea Breeze"), 1);
        ObjectNode later = Examples.booking()
                .put("external_id", "BS-LATER")
                .put("start", "2024-06-02T09:00:00")
                .put("boat", "SEA BREEZE ");

        JsonNode second = app.bookings().submitAndSync(later, 1);
        TestHttp.Response again = app.http()
                .post(
                        "/api/bookings",
                        Examples.booking().put("boat", "sea breeze").toString(),
                        OPERATOR);

        assertThat(entry(second.at("/calendar/entry_id").asText()).get("boat").asText())
                .isEqualTo("Sea Breeze");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("version").asInt()).isEqualTo(1);
        assertThat(app.http()
                        .get("/api/boats/SEA%20BREEZE", OPERATOR)
                        .json()
                        .get("boat")
                        .asText())
                .isEqualTo("Sea Breeze");
        assertThat(first.get("id").asText()).isNotEqualTo(second.get("id").asText());
    }

    @Test
    void what_to_bring_saved_under_another_spelling_reaches_the_boats_upcoming_pages() {
        JsonNode status = app.bookings().submitAndSync(Examples.futureBooking(3), 1);

        TestHttp.Response saved =
                app.http().put("/api/boats/jada", "{\"what_to_bring\": [\"Reef-safe sunscreen\"]}", OPERATOR);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("pages_republished").asInt()).isEqualTo(1);
        assertThat(app.http().get(GuestPages.path(app, status), NOBODY).body()).contains("Reef-safe sunscreen");
    }

    /** The example booking's boat and time under another external id, without crew (so only the boat can clash). */
    private static ObjectNode sameTimeWithoutCrew(String externalId, String boat) {
        ObjectNode booking = Examples.booking().put("external_id", externalId).put("boat", boat);
        booking.putArray("crew_assignments");
        return booking;
    }

    private static JsonNode entry(String id) {
        TestHttp.Response response = app.http().get("/calendar/" + id, OPERATOR);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
