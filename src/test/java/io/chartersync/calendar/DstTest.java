package io.chartersync.calendar;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Durations are time on the water across the clock changes of America/Los_Angeles: the fall-back night
 * starts at the first 01:30 (PDT), the spring-forward night's skipped hour is refused.
 */
class DstTest {
    private static final String ZONE = "America/Los_Angeles";

    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void fall_back_night_starts_at_the_first_0130_pdt_and_ends_at_0330_pst() {
        JsonNode entry = read(create(at("2024-11-03", "01:30")));

        assertThat(entry.get("starts_at").asText()).isEqualTo("2024-11-03T08:30:00Z");
        assertThat(entry.get("ends_at").asText()).isEqualTo("2024-11-03T11:30:00Z");
        assertThat(entry.get("date").asText()).isEqualTo("2024-11-03");
        assertThat(entry.get("start_time").asText()).isEqualTo("01:30:00");
        assertThat(entry.get("time_zone").asText()).isEqualTo(ZONE);
    }

    @Test
    void spring_forward_night_ends_three_elapsed_hours_later_at_0530_pdt() {
        JsonNode entry = read(create(at("2024-03-10", "01:30")));

        assertThat(entry.get("starts_at").asText()).isEqualTo("2024-03-10T09:30:00Z");
        assertThat(entry.get("ends_at").asText()).isEqualTo("2024-03-10T12:30:00Z");
    }

    @Test
    void start_inside_the_skipped_hour_is_refused_naming_start_time_and_stores_nothing() {
        TestHttp.Response response =
                app.http().post("/calendar", at("2024-03-10", "02:30").toString(), OPERATOR);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("start_time");
        assertThat(response.json().get("errors").findValuesAsText("field")).contains("start_time");
        assertThat(TestDatabase.count("select count(*) from calendar_entry")).isZero();
    }

    @Test
    void fall_back_entry_is_listed_on_its_local_day() {
        String id = create(at("2024-11-03", "01:30"));

        JsonNode day = app.http()
                .get("/calendar?from=2024-11-03&to=2024-11-03", OPERATOR)
                .json();
        JsonNode dayBefore = app.http()
                .get("/calendar?from=2024-11-02&to=2024-11-02", OPERATOR)
                .json();

        assertThat(day.get("entries").findValuesAsText("id")).containsExactly(id);
        assertThat(dayBefore.get("entries")).isEmpty();
    }

    private static ObjectNode at(String date, String start) {
        return Examples.calendarEntry()
                .put("time_zone", ZONE)
                .put("date", date)
                .put("start_time", start)
                .put("duration_hours", 3);
    }

    private static String create(ObjectNode body) {
        TestHttp.Response created = app.http().post("/calendar", body.toString(), OPERATOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static JsonNode read(String id) {
        TestHttp.Response response = app.http().get("/calendar/" + id, OPERATOR);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
