package io.chartersync.calendar;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.audit.AuditChain;
import io.chartersync.audit.AuditRecord;
import io.chartersync.testsupport.AuditTrail;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changes through the seed calendar API are on record by the operator; a change that changes nothing is not. */
class CalendarAuditTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void create_update_and_cancel_through_the_api_are_on_record_by_the_operator() {
        String id = create(Examples.calendarEntry().put("boat", "MARLIN"));
        ObjectNode changed = Examples.calendarEntry().put("boat", "MARLIN").put("location", "Marina del Rey");
        put(id, changed);
        put(id, changed);
        delete(id);
        delete(id);

        List<AuditRecord> entries = AuditTrail.of("calendar:" + id);

        assertThat(AuditTrail.actions("calendar:" + id))
                .containsExactly(
                        "calendar.created by operator",
                        "calendar.updated by operator",
                        "calendar.cancelled by operator");
        assertThat(AuditTrail.details(entries.getFirst()))
                .containsEntry("event_type", "charter")
                .containsEntry("date", "2024-05-30")
                .containsEntry("boat", "MARLIN")
                .containsEntry("sequence", 0)
                .doesNotContainKey("booking_id");
        assertThat(AuditTrail.details(entries.get(1)))
                .containsEntry("sequence", 1)
                .containsEntry("changed", List.of("location"));
        assertThat(AuditTrail.details(entries.get(2)))
                .containsEntry("sequence", 2)
                .containsEntry("status", "cancelled");
        assertThat(AuditTrail.verify()).isInstanceOf(AuditChain.Intact.class);
    }

    @Test
    void a_booking_entry_released_by_cancelling_its_blocker_is_on_record_by_whoever_cancelled() {
        String blocker = create(Examples.calendarEntry().put("boat", "JADA"));
        JsonNode synced = app.bookings().submitAndSync(Examples.booking(), 1);
        String bookingEntry = synced.at("/calendar/entry_id").asText();

        delete(blocker);

        List<AuditRecord> entries = AuditTrail.of("calendar:" + bookingEntry);
        assertThat(AuditTrail.actions("calendar:" + bookingEntry))
                .containsExactly("calendar.created by sync", "calendar.updated by operator");
        assertThat(AuditTrail.details(entries.getFirst()))
                .containsEntry("status", "conflict")
                .containsEntry("conflict_with", blocker);
        assertThat(AuditTrail.details(entries.getLast()))
                .containsEntry("status", "active")
                .containsEntry("released_by", blocker)
                .containsEntry("changed", List.of("status", "conflict_with"))
                .doesNotContainKey("conflict_with");
        assertThat(AuditTrail.actions("calendar:" + blocker))
                .containsExactly("calendar.created by operator", "calendar.cancelled by operator");
    }

    private static String create(ObjectNode body) {
        TestHttp.Response created = app.http().post("/calendar", body.toString(), OPERATOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void put(String id, ObjectNode body) {
        TestHttp.Response updated = app.http().put("/calendar/" + id, body.toString(), OPERATOR);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    }

    private static void delete(String id) {
        TestHttp.Response cancelled = app.http().send("DELETE", "/calendar/" + id, null, "", OPERATOR);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    }
}
