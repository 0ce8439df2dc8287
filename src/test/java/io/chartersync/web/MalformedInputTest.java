package io.chartersync.web;

import static io.chartersync.testsupport.ProblemAssert.assertInvalidField;
import static io.chartersync.testsupport.ProblemAssert.assertProblem;
import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static io.chartersync.testsupport.TestHttp.As.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies that the JSON parser takes but the program must not: NUL and other control characters, lone
 * surrogates, numbers no BigDecimal can hold, trailing garbage, duplicate keys, the wrong media type,
 * years past 9999, unbounded lists. Each answers 400 (or 415) naming the field, and stores nothing.
 */
class MalformedInputTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void a_nul_character_in_a_string_field_is_refused_naming_the_field_on_every_json_route() {
        ObjectNode booking = Examples.booking();
        booking.withObjectProperty("guest").put("name", "Ann\u0000e");
        assertRefused(() -> app.http().post("/api/bookings", booking.toString(), OPERATOR), "guest.name");

        assertRefused(
                () -> app.http()
                        .put(
                                "/api/crew/crew-9",
                                "{\"name\": \"Nul\\u0000\", \"email\": \"c9@crew.example.com\"}",
                                OPERATOR),
                "name");
        assertRefused(
                () -> app.http().put("/api/boats/JADA", "{\"what_to_bring\": [\"Sun\\u0000screen\"]}", OPERATOR),
                "what_to_bring[0]");
        ObjectNode entry = Examples.calendarEntry().put("location", "Dock\u0000 4");
        assertRefused(() -> app.http().post("/calendar", entry.toString(), OPERATOR), "location");
        ObjectNode event = Examples.crewEvent().put("notes", "\u0000");
        assertRefused(() -> app.http().post("/events", event.toString(), SERVICE), "notes");
    }

    @Test
    void control_characters_are_refused_but_tabs_and_line_breaks_in_notes_are_kept() {
        ObjectNode bell = Examples.booking().put("location", "Dock\u0007 4");
        assertThat(assertRefused(() -> app.http().post("/api/bookings", bell.toString(), OPERATOR), "location"))
                .contains("U+0007");

        ObjectNode notes = Examples.booking();
        notes.withObjectProperty("notes").put("crew", "Line one\nLine two\twith a tab");
        TestHttp.Response accepted = app.http().post("/api/bookings", notes.toString(), OPERATOR);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String id = accepted.json().get("id").asText();
        app.bookings().awaitSettled(id, 1);
        assertThat(TestDatabase.strings("select body->'notes'->>'crew' from booking_version"))
                .containsExactly("Line one\nLine two\twith a tab");
    }

    @Test
    void a_line_break_in_a_one_line_field_is_refused() {
        ObjectNode booking = Examples.booking();
        booking.withObjectProperty("guest").put("name", "Ann\r\nBcc: someone@example.com");

        assertRefused(() -> app.http().post("/api/bookings", booking.toString(), OPERATOR), "guest.name");
    }

    @Test
    void a_lone_surrogate_is_refused_naming_the_field_instead_of_stored_as_a_question_mark() {
        String body = Examples.bookingJson().replace("\"Boatsetter Guest\"", "\"Ann \\ud800 e\"");

        String detail = assertRefused(() -> app.http().post("/api/bookings", body, OPERATOR), "guest.name");

        assertThat(detail).contains("surrogate");
    }

    @Test
    void a_number_whose_exponent_overflows_is_refused_naming_the_field_on_private_and_public_routes() {
        String booking = Examples.bookingJson().replaceFirst("\\{", "{\"extra\": 1e-2147483648, ");
        assertRefused(() -> app.http().post("/api/bookings", booking, OPERATOR), "extra");

        String duration = Examples.bookingJson().replace("\"duration_hours\":3", "\"duration_hours\":1e2147483647");
        assertRefused(() -> app.http().post("/api/bookings", duration, OPERATOR), "duration_hours");

        String presign = "{\"slug\": \"may-30-boatsetter-k3x9\", \"upload_token\": \"t\","
                + " \"content_type\": \"image/jpeg\", \"size\": 1e-2147483648}";
        assertRefused(() -> app.http().post("/g/presign", presign, NOBODY), "size");
    }

    @Test
    void trailing_garbage_after_the_document_is_refused() {
        String body = Examples.bookingJson() + " {\"source\": \"other\"}";

        assertRefused(() -> app.http().post("/api/bookings", body, OPERATOR), "body");
    }

    @Test
    void a_duplicate_key_is_refused_naming_it() {
        String body = Examples.bookingJson().replaceFirst("\\{", "{\"external_id\": \"BS-OTHER\", ");

        assertRefused(() -> app.http().post("/api/bookings", body, OPERATOR), "external_id");
    }

    @Test
    void nesting_deeper_than_any_contract_is_refused() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String body = Examples.bookingJson().replaceFirst("\\{", "{\"extra\": " + deep + ", ");

        assertRefused(() -> app.http().post("/api/bookings", body, OPERATOR), "body");
    }

    @Test
    void a_json_route_sent_another_media_type_answers_415() {
        Map<String, Long> before = TestDatabase.rowCounts();

        TestHttp.Response form =
                app.http().send("POST", "/api/bookings", Examples.bookingJson(), "text/plain", OPERATOR);
        TestHttp.Response urlEncoded =
                app.http().send("POST", "/g/presign", "{}", "application/x-www-form-urlencoded", NOBODY);

        assertThat(assertProblem(form, 415).get("detail").asText()).contains("application/json");
        assertProblem(urlEncoded, 415);
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
    }

    @Test
    void json_with_a_charset_or_a_json_suffix_is_taken() {
        TestHttp.Response charset = app.http()
                .send("POST", "/api/bookings", Examples.bookingJson(), "application/json; charset=UTF-8", OPERATOR);
        TestHttp.Response suffix = app.http()
                .send(
                        "PUT",
                        "/api/crew/crew-9",
                        "{\"name\": \"Nine\", \"email\": \"c9@crew.example.com\"}",
                        "application/vnd.chartersync+json",
                        OPERATOR);

        assertThat(charset.status()).as(charset.body()).isEqualTo(201);
        assertThat(suffix.status()).as(suffix.body()).isEqualTo(201);
        app.bookings().awaitSettled(charset.json().get("id").asText(), 1);
    }

    @Test
    void a_json_body_without_a_content_type_is_read_as_json() {
        TestHttp.Response response =
                app.http().send("POST", "/api/bookings", Examples.bookingJson(), null, OPERATOR, new String[0]);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        app.bookings().awaitSettled(response.json().get("id").asText(), 1);
    }

    @Test
    void notes_that_are_not_an_object_are_refused_not_dropped() {
        ObjectNode booking = Examples.booking().put("notes", "call the guest");

        assertRefused(() -> app.http().post("/api/bookings", booking.toString(), OPERATOR), "notes");
    }

    @Test
    void years_outside_2000_to_2100_are_refused_everywhere() {
        ObjectNode booking = Examples.booking().put("start", "+10000-05-30T09:00:00");
        assertRefused(() -> app.http().post("/api/bookings", booking.toString(), OPERATOR), "start");

        ObjectNode entry = Examples.calendarEntry().put("date", "+10000-05-30");
        assertRefused(() -> app.http().post("/calendar", entry.toString(), OPERATOR), "date");

        ObjectNode event = Examples.crewEvent().put("date", "1999-12-31T23:00:00Z");
        assertRefused(() -> app.http().post("/events", event.toString(), SERVICE), "date");

        assertInvalidField(app.http().get("/calendar?from=2024-01-01&to=%2B10000-01-01", OPERATOR), "to");
    }

    @Test
    void a_duration_that_would_end_past_the_calendar_is_refused() {
        ObjectNode event = Examples.crewEvent().put("duration_hours", 999_999_999);
        assertRefused(() -> app.http().post("/events", event.toString(), SERVICE), "duration_hours");

        ObjectNode entry = Examples.calendarEntry().put("duration_hours", 999_999_999);
        assertRefused(() -> app.http().post("/calendar", entry.toString(), OPERATOR), "duration_hours");
    }

    @Test
    void roles_and_crew_assignments_are_bounded() {
        String manyRoles = "[" + "\"deckhand\",".repeat(20) + "\"captain\"]";
        assertRefused(
                () -> app.http()
                        .put(
                                "/api/crew/crew-9",
                                "{\"name\": \"Nine\", \"email\": \"c9@crew.example.com\", \"roles\": " + manyRoles
                                        + "}",
                                OPERATOR),
                "roles");
        assertRefused(
                () -> app.http()
                        .put(
                                "/api/crew/crew-9",
                                "{\"name\": \"Nine\", \"email\": \"c9@crew.example.com\", \"roles\": [\""
                                        + "r".repeat(1000) + "\"]}",
                                OPERATOR),
                "roles[0]");

        ObjectNode booking = Examples.booking();
        var assignments = booking.withArray("crew_assignments");
        for (int i = 0; i < 30; i++) {
            assignments.addObject().put("role", "extra").put("count", 1).put("hourly_rate", 1);
        }
        assertRefused(() -> app.http().post("/api/bookings", booking.toString(), OPERATOR), "crew_assignments");

        ObjectNode entry = Examples.calendarEntry();
        entry.set("crew_assignments", assignments);
        assertRefused(() -> app.http().post("/calendar", entry.toString(), OPERATOR), "crew_assignments");
    }

    @Test
    void a_path_id_that_is_no_uuid_names_nothing_so_it_answers_404_everywhere() {
        for (String path : new String[] {
            "/api/bookings/not-a-uuid", "/calendar/not-a-uuid", "/g/uploads/not-a-uuid",
        }) {
            assertThat(assertProblem(app.http().get(path, OPERATOR), 404)
                            .get("detail")
                            .asText())
                    .contains("not-a-uuid");
        }
        assertProblem(app.http().post("/api/bookings/not-a-uuid/cancel", null, OPERATOR), 404);
        assertProblem(app.http().get("/events/not-a-uuid", SERVICE), 404);
        assertProblem(app.http().put("/events/not-a-uuid", Examples.crewEvent().toString(), SERVICE), 404);
    }

    @Test
    void query_parameters_are_refused_naming_them() {
        assertInvalidField(app.http().get("/api/bookings?limit=abc", OPERATOR), "limit");
        assertInvalidField(app.http().get("/api/bookings?after=not-a-uuid", OPERATOR), "after");
        assertInvalidField(app.http().get("/events?from=2024-13-01&to=2024-12-01", SERVICE), "from");
        assertInvalidField(app.http().get("/calendar?from=2024-01-01", OPERATOR), "to");
    }

    @Test
    void a_nul_in_a_path_segment_answers_4xx() {
        TestHttp.Response boat = app.http().get("/api/boats/JA%00DA", OPERATOR);

        assertThat(boat.status()).as(boat.body()).isBetween(400, 499);
        assertThat(boat.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_control_character_in_a_boat_name_in_the_path_is_refused_naming_it() {
        assertRefused(() -> app.http().get("/api/boats/JA%07DA", OPERATOR), "boat");
        assertRefused(
                () -> app.http().put("/api/boats/JA%1BDA", "{\"what_to_bring\": [\"Sunscreen\"]}", OPERATOR), "boat");
    }

    /** Sends the request, expects a 400 naming {@code field}, and checks no table gained or lost a row. */
    private static String assertRefused(Supplier<TestHttp.Response> request, String field) {
        Map<String, Long> before = TestDatabase.rowCounts();
        String detail = assertInvalidField(request.get(), field);
        assertThat(TestDatabase.rowCounts())
                .as("row counts after a refused request")
                .isEqualTo(before);
        return detail;
    }
}
