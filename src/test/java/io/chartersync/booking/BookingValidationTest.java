package io.chartersync.booking;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad intake bodies answer 400 problem+json naming the field, and store nothing. */
class BookingValidationTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    static Stream<Arguments> badBookings() {
        return Stream.of(
                arguments("missing start", edit(b -> b.remove("start")), "start"),
                arguments("impossible date", edit(b -> b.put("start", "2024-02-30T09:00:00")), "start"),
                arguments("start not a date", edit(b -> b.put("start", "not-a-date")), "start"),
                arguments("start in the DST gap", edit(b -> b.put("start", "2024-03-10T02:30:00")), "start"),
                arguments("missing time_zone", edit(b -> b.remove("time_zone")), "time_zone"),
                arguments("unknown time_zone", edit(b -> b.put("time_zone", "Mars/Olympus")), "time_zone"),
                arguments("zero duration", edit(b -> b.put("duration_hours", 0)), "duration_hours"),
                arguments("negative duration", edit(b -> b.put("duration_hours", -1)), "duration_hours"),
                arguments("duration not a number", edit(b -> b.put("duration_hours", "abc")), "duration_hours"),
                arguments("missing external_id", edit(b -> b.remove("external_id")), "external_id"),
                arguments("missing source", edit(b -> b.remove("source")), "source"),
                arguments(
                        "bad guest email",
                        edit(b -> b.withObjectProperty("guest").put("email", "guest-at-example")),
                        "guest.email"),
                arguments(
                        "unknown crew member",
                        edit(b -> assignment(b, 1).withArrayProperty("members").set(1, TextNode.valueOf("crew-99"))),
                        "crew_assignments"),
                arguments(
                        "revenue with a comma",
                        edit(b -> b.withObjectProperty("revenue").put("amount", "12,50")),
                        "revenue.amount"),
                arguments(
                        "revenue in words",
                        edit(b -> b.withObjectProperty("revenue").put("amount", "lots")),
                        "revenue.amount"),
                arguments(
                        "more members than count",
                        edit(b -> assignment(b, 1).put("count", 1)),
                        "crew_assignments[1].members"),
                arguments("body not JSON", raw("{\"source\": \"boatsetter\","), "body"),
                arguments("body a JSON array", raw("[" + Examples.bookingJson() + "]"), "body"),
                arguments("empty body", raw(""), "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBookings")
    void bad_booking_is_refused_naming_the_field_and_stores_nothing(
            String description, Function<ObjectNode, String> mutation, String field) {
        TestHttp.Response response = app.http().post("/api/bookings", mutation.apply(Examples.booking()), OPERATOR);

        assertRefused(response, field);
        assertNothingStored();
    }

    @Test
    void unknown_crew_member_is_refused_naming_the_member() {
        ObjectNode booking = Examples.booking();
        assignment(booking, 0).withArrayProperty("members").set(0, TextNode.valueOf("captain-404"));

        TestHttp.Response response = app.http().post("/api/bookings", booking.toString(), OPERATOR);

        assertRefused(response, "crew_assignments");
        assertThat(response.json().get("detail").asText()).contains("captain-404");
        assertNothingStored();
    }

    @Test
    void changed_body_after_cancel_is_a_conflict() {
        TestHttp.Response created = app.http().post("/api/bookings", Examples.bookingJson(), OPERATOR);
        String id = created.json().get("id").asText();
        TestHttp.Response cancelled = app.http().post("/api/bookings/" + id + "/cancel", null, OPERATOR);
        ObjectNode moved = Examples.booking();
        moved.put("start", "2024-05-30T11:00:00");

        TestHttp.Response again = app.http().post("/api/bookings", moved.toString(), OPERATOR);

        assertThat(created.status()).isEqualTo(201);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asText()).contains(id, "cancelled");
        assertThat(TestDatabase.count("select count(*) from booking_version")).isEqualTo(2);
        awaitSettled(id);
    }

    private static void assertRefused(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("detail").asText()).contains(field);
        assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    }

    private static void assertNothingStored() {
        assertThat(TestDatabase.count("select count(*) from booking")).isZero();
        assertThat(TestDatabase.count("select count(*) from booking_version")).isZero();
        assertThat(TestDatabase.count("select count(*) from scheduled_tasks")).isZero();
    }

    /** Waits for the background sync to finish, so it does not run into the next test's reset. */
    private static void awaitSettled(String id) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode status =
                            app.http().get("/api/bookings/" + id, OPERATOR).json();
                    return status.get("state").asText().equals("cancelled")
                            && status.at("/emails/queued").asInt() == 0;
                });
    }

    private static ObjectNode assignment(ObjectNode booking, int index) {
        return (ObjectNode) booking.withArrayProperty("crew_assignments").get(index);
    }

    private static Function<ObjectNode, String> edit(Consumer<ObjectNode> change) {
        return booking -> {
            change.accept(booking);
            return booking.toString();
        };
    }

    private static Function<ObjectNode, String> raw(String body) {
        return ignored -> body;
    }
}
