package io.chartersync.calendar;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The seed calendar API: create, read, list by date range, and refusals naming the field. */
class CalendarApiTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void seed_entry_is_created_with_201_and_an_id() {
        TestHttp.Response created = app.http().post("/calendar", seed().toString(), OPERATOR);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.header("Location")).hasValue("/calendar/" + id);
        assertThat(TestDatabase.count("select count(*) from calendar_entry")).isEqualTo(1);
    }

    @Test
    void entry_reads_back_with_date_duration_location_guest_and_assignments() {
        String id = create();

        JsonNode entry = app.http().get("/calendar/" + id, OPERATOR).json();

        assertThat(entry.get("id").asText()).isEqualTo(id);
        assertThat(entry.get("date").asText()).isEqualTo("2024-05-30");
        assertThat(entry.get("duration_hours").decimalValue()).isEqualByComparingTo("3");
        assertThat(entry.get("location").asText()).isEqualTo("Sheraton Marina");
        assertThat(entry.get("guest_name").asText()).isEqualTo("Boatsetter Guest");
        assertThat(entry.get("status").asText()).isEqualTo("active");
        assertThat(entry.at("/crew_assignments/0/role").asText()).isEqualTo("crew");
        assertThat(entry.at("/crew_assignments/0/count").asInt()).isEqualTo(2);
        assertThat(entry.at("/crew_assignments/0/hourly_rate").decimalValue()).isEqualByComparingTo("25");
        assertThat(entry.at("/crew_assignments/1/role").asText()).isEqualTo("captain");
        assertThat(entry.at("/crew_assignments/1/count").asInt()).isEqualTo(1);
        assertThat(entry.at("/crew_assignments/1/hourly_rate").decimalValue()).isEqualByComparingTo("50");
    }

    @Test
    void range_containing_the_date_lists_the_entry() {
        String id = create();

        TestHttp.Response list = app.http().get("/calendar?from=2024-05-01&to=2024-05-31", OPERATOR);

        assertThat(list.status()).isEqualTo(200);
        JsonNode entries = list.json().get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("id").asText()).isEqualTo(id);
        assertThat(entries.get(0).get("date").asText()).isEqualTo("2024-05-30");
        assertThat(entries.get(0).get("status").asText()).isEqualTo("active");
    }

    @Test
    void range_outside_the_date_lists_nothing() {
        create();

        JsonNode after = app.http()
                .get("/calendar?from=2024-05-31&to=2024-06-30", OPERATOR)
                .json();
        JsonNode before = app.http()
                .get("/calendar?from=2024-04-01&to=2024-05-29", OPERATOR)
                .json();

        assertThat(after.get("entries")).isEmpty();
        assertThat(before.get("entries")).isEmpty();
    }

    static Stream<Arguments> badEntries() {
        return Stream.of(
                arguments("impossible date", edit(e -> e.put("date", "2024-02-30")), "date"),
                arguments("date not a date", edit(e -> e.put("date", "next thursday")), "date"),
                arguments("missing date", edit(e -> e.remove("date")), "date"),
                arguments("negative duration", edit(e -> e.put("duration_hours", -2)), "duration_hours"),
                arguments("unknown time_zone", edit(e -> e.put("time_zone", "Mars/Olympus")), "time_zone"),
                arguments("offset instead of an IANA time_zone", edit(e -> e.put("time_zone", "+02:00")), "time_zone"),
                arguments("unknown event_type", edit(e -> e.put("event_type", "party")), "event_type"),
                arguments(
                        "count below named members",
                        edit(e -> ((ObjectNode)
                                        e.withArrayProperty("crew_assignments").get(1))
                                .putArray("members")
                                .add("captain-1")
                                .add("captain-2")),
                        "crew_assignments[1].members"),
                arguments(
                        "a member named in two roles",
                        edit(e -> {
                            ((ObjectNode) e.withArrayProperty("crew_assignments")
                                            .get(0))
                                    .putArray("members")
                                    .add("crew-1");
                            ((ObjectNode) e.withArrayProperty("crew_assignments")
                                            .get(1))
                                    .putArray("members")
                                    .add("crew-1");
                        }),
                        "crew_assignments[1].members[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEntries")
    void bad_entry_is_refused_naming_the_field_and_stores_nothing(
            String description, Consumer<ObjectNode> mutation, String field) {
        ObjectNode body = seed();
        mutation.accept(body);

        TestHttp.Response response = app.http().post("/calendar", body.toString(), OPERATOR);

        assertRefused(response, field);
        assertThat(TestDatabase.count("select count(*) from calendar_entry")).isZero();
    }

    @Test
    void range_without_from_or_to_is_refused_naming_the_parameter() {
        assertRefused(app.http().get("/calendar?to=2024-05-31", OPERATOR), "from");
        assertRefused(app.http().get("/calendar?from=2024-05-01", OPERATOR), "to");
        assertRefused(app.http().get("/calendar?from=May&to=2024-05-31", OPERATOR), "from");
    }

    @Test
    void unknown_id_answers_404_problem() {
        TestHttp.Response response = app.http().get("/calendar/" + UUID.randomUUID(), OPERATOR);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static String create() {
        TestHttp.Response created = app.http().post("/calendar", seed().toString(), OPERATOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void assertRefused(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(field);
        assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
    }

    private static ObjectNode seed() {
        return Examples.calendarEntry();
    }

    private static Consumer<ObjectNode> edit(Consumer<ObjectNode> change) {
        return change;
    }
}
