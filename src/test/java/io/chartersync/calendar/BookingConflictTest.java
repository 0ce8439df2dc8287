package io.chartersync.calendar;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A marketplace booking cannot be refused: its clashing entry is stored in status {@code conflict} naming the
 * other entry, and the booking status says so. Booking changes and cancels reach the same entry.
 */
class BookingConflictTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void overlapping_booking_for_the_same_boat_syncs_with_its_entry_in_conflict_with_the_first() {
        JsonNode first = app.bookings().submitAndSync(Examples.booking(), 1);
        JsonNode second = app.bookings().submitAndSync(overlapping(), 1);

        String firstEntry = first.at("/calendar/entry_id").asText();
        String secondEntry = second.at("/calendar/entry_id").asText();
        assertThat(first.get("state").asText()).isEqualTo("synced");
        assertThat(second.get("state").asText()).isEqualTo("synced");
        assertThat(secondEntry).isNotBlank().isNotEqualTo(firstEntry);
        assertThat(first.at("/calendar/conflict_with").isNull()).isTrue();
        assertThat(second.at("/calendar/conflict_with").asText()).isEqualTo(firstEntry);
        JsonNode entry = entry(secondEntry);
        assertThat(entry.get("status").asText()).isEqualTo("conflict");
        assertThat(entry.get("conflict_with").asText()).isEqualTo(firstEntry);
        assertThat(entry(firstEntry).get("status").asText()).isEqualTo("active");
        assertThat(TestDatabase.count("select count(*) from calendar_entry where status = 'active'"))
                .isEqualTo(1);
    }

    @Test
    void after_the_first_booking_is_cancelled_a_changed_second_booking_makes_its_entry_active() {
        JsonNode first = app.bookings().submitAndSync(Examples.booking(), 1);
        JsonNode second = app.bookings().submitAndSync(overlapping(), 1);
        String secondEntry = second.at("/calendar/entry_id").asText();
        assertThat(entry(secondEntry).get("status").asText()).isEqualTo("conflict");

        cancelAndAwait(first.get("id").asText());
        ObjectNode changed = overlapping();
        changed.withObjectProperty("notes").put("guest", "Meet at the fuel dock instead.");
        JsonNode resynced = app.bookings().submitAndSync(changed, 2);

        assertThat(resynced.get("id").asText()).isEqualTo(second.get("id").asText());
        assertThat(resynced.at("/calendar/entry_id").asText()).isEqualTo(secondEntry);
        assertThat(resynced.at("/calendar/conflict_with").isNull()).isTrue();
        JsonNode entry = entry(secondEntry);
        assertThat(entry.get("status").asText()).isEqualTo("active");
        assertThat(entry.get("conflict_with").isNull()).isTrue();
        assertThat(entry(first.at("/calendar/entry_id").asText()).get("status").asText())
                .isEqualTo("cancelled");
    }

    @Test
    void booking_update_and_cancel_reach_the_same_entry_with_a_higher_sequence_each_time() {
        JsonNode booked = app.bookings().submitAndSync(Examples.booking(), 1);
        String entryId = booked.at("/calendar/entry_id").asText();
        JsonNode original = entry(entryId);

        ObjectNode later = Examples.booking().put("start", "2024-05-30T10:00:00");
        JsonNode moved = app.bookings().submitAndSync(later, 2);
        JsonNode afterMove = entry(entryId);
        cancelAndAwait(booked.get("id").asText());
        JsonNode afterCancel = entry(entryId);

        assertThat(moved.at("/calendar/entry_id").asText()).isEqualTo(entryId);
        assertThat(original.get("starts_at").asText()).isEqualTo("2024-05-30T16:00:00Z");
        assertThat(afterMove.get("starts_at").asText()).isEqualTo("2024-05-30T17:00:00Z");
        assertThat(afterMove.get("status").asText()).isEqualTo("active");
        assertThat(afterMove.get("sequence").asInt())
                .isGreaterThan(original.get("sequence").asInt());
        assertThat(afterCancel.get("status").asText()).isEqualTo("cancelled");
        assertThat(afterCancel.get("sequence").asInt())
                .isGreaterThan(afterMove.get("sequence").asInt());
        assertThat(TestDatabase.count("select count(*) from calendar_entry")).isEqualTo(1);
    }

    /** The seed booking's boat and crew, one hour later, from another marketplace booking. */
    private static ObjectNode overlapping() {
        return Examples.booking().put("external_id", "BS-20240530-0002").put("start", "2024-05-30T10:00:00");
    }

    private static void cancelAndAwait(String bookingId) {
        TestHttp.Response cancel = app.http().post("/api/bookings/" + bookingId + "/cancel", null, OPERATOR);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .alias("booking " + bookingId + " cancelled")
                .until(() -> {
                    last.set(app.bookings().status(bookingId));
                    return last.get().get("state").asText().equals("cancelled")
                            && last.get().at("/emails/queued").asInt() == 0;
                });
    }

    private static JsonNode entry(String id) {
        TestHttp.Response response = app.http().get("/calendar/" + id, OPERATOR);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
