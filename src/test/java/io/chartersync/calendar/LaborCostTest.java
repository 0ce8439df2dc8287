package io.chartersync.calendar;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /calendar/{id}} carries the planned crew cost: count × hourly rate × hours, per role and in total. */
class LaborCostTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void seed_entry_costs_150_per_role_and_300_in_total() {
        JsonNode cost = read(create(Examples.calendarEntry().toString())).json().get("labor_cost");

        JsonNode perRole = cost.get("per_role");
        assertThat(perRole).hasSize(2);
        assertThat(perRole.get(0).get("role").asText()).isEqualTo("crew");
        assertThat(perRole.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(perRole.get(0).get("hourly_rate").decimalValue()).isEqualByComparingTo("25");
        assertThat(perRole.get(0).get("hours").decimalValue()).isEqualByComparingTo("3");
        assertThat(perRole.get(0).get("cost").decimalValue()).isEqualByComparingTo("150");
        assertThat(perRole.get(1).get("role").asText()).isEqualTo("captain");
        assertThat(perRole.get(1).get("count").asInt()).isEqualTo(1);
        assertThat(perRole.get(1).get("cost").decimalValue()).isEqualByComparingTo("150");
        assertThat(cost.get("total").decimalValue()).isEqualByComparingTo("300");
    }

    @Test
    void costs_are_plain_json_numbers_without_exponents() {
        String body = read(create(Examples.calendarEntry().toString())).body();

        assertThat(body).contains("\"cost\":150", "\"total\":300").doesNotContainPattern("[:,\\[]-?[0-9.]+[eE]");
    }

    @Test
    void fractional_rates_and_hours_are_multiplied_exactly() {
        ObjectNode body = Examples.calendarEntry().put("duration_hours", 2.5);
        body.putArray("crew_assignments")
                .addObject()
                .put("role", "deckhand")
                .put("count", 3)
                .put("hourly_rate", new BigDecimal("19.99"));

        JsonNode cost = read(create(body.toString())).json().get("labor_cost");

        assertThat(cost.at("/per_role/0/cost").decimalValue()).isEqualByComparingTo("149.925");
        assertThat(cost.get("total").decimalValue()).isEqualByComparingTo("149.925");
    }

    @Test
    void entry_without_crew_costs_nothing() {
        ObjectNode body = Examples.calendarEntry().put("event_type", "maintenance");
        body.putArray("crew_assignments");

        JsonNode cost = read(create(body.toString())).json().get("labor_cost");

        assertThat(cost.get("per_role")).isEmpty();
        assertThat(cost.get("total").decimalValue()).isEqualByComparingTo("0");
    }

    private static String create(String body) {
        TestHttp.Response created = app.http().post("/calendar", body, OPERATOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static TestHttp.Response read(String id) {
        TestHttp.Response response = app.http().get("/calendar/" + id, OPERATOR);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }
}
