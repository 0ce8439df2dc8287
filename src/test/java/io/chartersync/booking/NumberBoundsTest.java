package io.chartersync.booking;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbers out of bounds (huge exponents, tiny fractions, exponent strings) are refused naming the field,
 * are never stored, and so never make the booking list unreadable.
 */
class NumberBoundsTest {
    /** Stands for a raw JSON value in the body, so the exact number text reaches the server. */
    private static final String RAW = "__RAW_NUMBER__";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    static Stream<Arguments> outOfBounds() {
        return Stream.of(
                arguments(
                        "hourly_rate \"1e20000\"",
                        "crew_assignments[0].hourly_rate",
                        "\"1e20000\"",
                        edit(b -> ((ObjectNode)
                                        b.withArrayProperty("crew_assignments").get(0))
                                .put("hourly_rate", RAW))),
                arguments(
                        "revenue.amount 1e20000",
                        "revenue.amount",
                        "1e20000",
                        edit(b -> b.withObjectProperty("revenue").put("amount", RAW))),
                arguments(
                        "duration_hours \"1e-30\"",
                        "duration_hours",
                        "\"1e-30\"",
                        edit(b -> b.put("duration_hours", RAW))),
                arguments(
                        "duration_hours 0.00001",
                        "duration_hours",
                        "0.00001",
                        edit(b -> b.put("duration_hours", RAW))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfBounds")
    void out_of_bounds_number_is_refused_naming_the_field_and_stores_nothing(
            String description, String field, String rawValue, Consumer<ObjectNode> edit) {
        ObjectNode booking = Examples.booking();
        edit.accept(booking);
        String body = booking.toString().replace("\"" + RAW + "\"", rawValue);
        assertThat(body).contains(rawValue).doesNotContain(RAW);

        TestHttp.Response response = app.http().post("/api/bookings", body, OPERATOR);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(problem.get("detail").asText()).contains(field);
        assertThat(TestDatabase.count("select count(*) from booking")).isZero();
        assertThat(TestDatabase.count("select count(*) from booking_version")).isZero();
        TestHttp.Response list = app.http().get("/api/bookings", OPERATOR);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("bookings")).isEmpty();
    }

    private static Consumer<ObjectNode> edit(Consumer<ObjectNode> change) {
        return change;
    }
}
