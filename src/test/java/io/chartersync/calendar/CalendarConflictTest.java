package io.chartersync.calendar;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A booking has one calendar entry: a second POST /calendar for it is a conflict naming the first. */
class CalendarConflictTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void second_entry_for_the_same_booking_is_a_409_naming_the_existing_entry() {
        ObjectNode entry =
                Examples.calendarEntry().put("booking_id", UUID.randomUUID().toString());

        TestHttp.Response first = app.http().post("/calendar", entry.toString(), OPERATOR);
        TestHttp.Response second = app.http().post("/calendar", entry.toString(), OPERATOR);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String existing = first.json().get("id").asText();
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("status").asInt()).isEqualTo(409);
        assertThat(second.json().get("detail").asText()).contains(existing);
        assertThat(TestDatabase.count("select count(*) from calendar_entry")).isEqualTo(1);
    }

    @Test
    void entries_for_different_bookings_are_both_created() {
        ObjectNode entry = Examples.calendarEntry();

        TestHttp.Response first = app.http()
                .post(
                        "/calendar",
                        entry.put("booking_id", UUID.randomUUID().toString()).toString(),
                        OPERATOR);
        TestHttp.Response second = app.http()
                .post(
                        "/calendar",
                        entry.put("booking_id", UUID.randomUUID().toString()).toString(),
                        OPERATOR);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(TestDatabase.count("select count(*) from calendar_entry")).isEqualTo(2);
    }
}
