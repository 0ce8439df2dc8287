package io.chartersync.calendar;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code PUT /calendar/{id}} replaces an entry, {@code DELETE /calendar/{id}} cancels it; each change bumps the sequence. */
class CalendarUpdateCancelTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void changed_body_answers_200_with_the_new_values_and_sequence_1() {
        String id = create(Examples.calendarEntry());
        ObjectNode changed = Examples.calendarEntry()
                .put("location", "Marina del Rey")
                .put("duration_hours", 4)
                .put("start_time", "10:15");

        TestHttp.Response updated = app.http().put("/calendar/" + id, changed.toString(), OPERATOR);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode entry = updated.json();
        assertThat(entry.get("id").asText()).isEqualTo(id);
        assertThat(entry.get("location").asText()).isEqualTo("Marina del Rey");
        assertThat(entry.get("duration_hours").decimalValue()).isEqualByComparingTo("4");
        assertThat(entry.get("start_time").asText()).isEqualTo("10:15:00");
        assertThat(entry.get("status").asText()).isEqualTo("active");
        assertThat(entry.get("sequence").asInt()).isEqualTo(1);
        JsonNode reread = read(id);
        assertThat(reread.get("location").asText()).isEqualTo("Marina del Rey");
        assertThat(reread.get("sequence").asInt()).isEqualTo(1);
    }

    @Test
    void same_body_again_leaves_the_sequence_unchanged() {
        String id = create(Examples.calendarEntry());
        int before = read(id).get("sequence").asInt();

        TestHttp.Response same =
                app.http().put("/calendar/" + id, Examples.calendarEntry().toString(), OPERATOR);

        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(before).isZero();
        assertThat(same.json().get("sequence").asInt()).isEqualTo(before);
        assertThat(read(id).get("sequence").asInt()).isEqualTo(before);
    }

    @Test
    void every_distinct_change_raises_the_sequence_by_one() {
        String id = create(Examples.calendarEntry());

        put(id, Examples.calendarEntry().put("guest_name", "First Change"));
        put(id, Examples.calendarEntry().put("guest_name", "First Change"));
        put(id, Examples.calendarEntry().put("guest_name", "Second Change"));

        assertThat(read(id).get("sequence").asInt()).isEqualTo(2);
        assertThat(read(id).get("guest_name").asText()).isEqualTo("Second Change");
    }

    @Test
    void delete_cancels_the_entry_raising_its_sequence_and_keeping_it_readable() {
        String id = create(Examples.calendarEntry());

        TestHttp.Response cancelled = app.http().send("DELETE", "/calendar/" + id, null, "application/json", OPERATOR);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("sequence").asInt()).isEqualTo(1);
        JsonNode reread = read(id);
        assertThat(reread.get("status").asText()).isEqualTo("cancelled");
        assertThat(reread.get("sequence").asInt()).isEqualTo(1);
        assertThat(reread.get("location").asText()).isEqualTo("Sheraton Marina");
    }

    @Test
    void cancelled_entry_is_still_listed_in_its_range_with_status_cancelled() {
        String id = create(Examples.calendarEntry());
        delete(id);

        TestHttp.Response list = app.http().get("/calendar?from=2024-05-30&to=2024-05-30", OPERATOR);

        assertThat(list.status()).isEqualTo(200);
        JsonNode entries = list.json().get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("id").asText()).isEqualTo(id);
        assertThat(entries.get(0).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void deleting_twice_raises_the_sequence_only_once() {
        String id = create(Examples.calendarEntry());

        delete(id);
        TestHttp.Response again = delete(id);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(again.json().get("sequence").asInt()).isEqualTo(1);
    }

    @Test
    void put_of_an_unknown_id_answers_404_problem() {
        TestHttp.Response response = app.http()
                .put("/calendar/" + UUID.randomUUID(), Examples.calendarEntry().toString(), OPERATOR);

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void delete_of_an_unknown_id_answers_404_problem() {
        TestHttp.Response response = delete(UUID.randomUUID().toString());

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void put_with_a_bad_body_answers_400_naming_the_field_and_changes_nothing() {
        String id = create(Examples.calendarEntry());
        ObjectNode bad = Examples.calendarEntry().put("location", "Elsewhere").put("duration_hours", -2);

        TestHttp.Response response = app.http().put("/calendar/" + id, bad.toString(), OPERATOR);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("duration_hours");
        assertThat(response.json().get("errors").findValuesAsText("field")).contains("duration_hours");
        JsonNode entry = read(id);
        assertThat(entry.get("location").asText()).isEqualTo("Sheraton Marina");
        assertThat(entry.get("duration_hours").decimalValue()).isEqualByComparingTo("3");
        assertThat(entry.get("sequence").asInt()).isZero();
    }

    static String create(ObjectNode body) {
        TestHttp.Response created = app.http().post("/calendar", body.toString(), OPERATOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void put(String id, ObjectNode body) {
        TestHttp.Response response = app.http().put("/calendar/" + id, body.toString(), OPERATOR);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static TestHttp.Response delete(String id) {
        return app.http().send("DELETE", "/calendar/" + id, null, "application/json", OPERATOR);
    }

    private static JsonNode read(String id) {
        TestHttp.Response response = app.http().get("/calendar/" + id, OPERATOR);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
