package io.chartersync.calendar;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An entry held in conflict takes the boat as soon as what blocked it is cancelled. */
class ConflictReleaseTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void booking_entry_in_conflict_becomes_active_when_the_blocking_entry_is_cancelled() {
        ObjectNode block = Examples.calendarEntry();
        block.put("event_type", "block")
                .put("boat", "JADA")
                .put("start_time", "08:00")
                .put("time_zone", "America/Los_Angeles");
        block.withArrayProperty("crew_assignments").removeAll();
        String blocker = app.http()
                .post("/calendar", block.toString(), OPERATOR)
                .json()
                .get("id")
                .asText();
        JsonNode booked = app.bookings().submitAndSync(Examples.booking(), 1);
        String entry = booked.at("/calendar/entry_id").asText();
        assertThat(booked.at("/calendar/conflict_with").asText()).isEqualTo(blocker);
        int sequenceInConflict = app.http()
                .get("/calendar/" + entry, OPERATOR)
                .json()
                .get("sequence")
                .asInt();

        assertThat(app.http()
                        .send("DELETE", "/calendar/" + blocker, null, "application/json", OPERATOR)
                        .status())
                .isEqualTo(200);

        JsonNode released = app.http().get("/calendar/" + entry, OPERATOR).json();
        assertThat(released.get("status").asText()).isEqualTo("active");
        assertThat(released.get("conflict_with").isNull()).isTrue();
        assertThat(released.get("sequence").asInt()).isGreaterThan(sequenceInConflict);
        assertThat(app.bookings()
                        .status(booked.get("id").asText())
                        .at("/calendar/conflict_with")
                        .isNull())
                .isTrue();
    }
}
