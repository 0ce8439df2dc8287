package io.chartersync.workflow;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.audit.AuditChain;
import io.chartersync.audit.AuditRecord;
import io.chartersync.testsupport.AuditTrail;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every change a booking brings is on record: the intake's by the operator, the calendar's by the sync
 * workflow; the chain stays intact; revenue and the internal note are in no entry.
 */
class SyncAuditTest {
    private static final String INTERNAL_NOTE =
            "Paid through Boatsetter; payout expected 2-3 business days after the trip.";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void booking_and_its_calendar_entry_are_on_record_when_created_and_when_cancelled() {
        JsonNode synced = app.bookings().submitAndSync(Examples.booking(), 1);
        String id = synced.get("id").asText();
        String entry = synced.at("/calendar/entry_id").asText();
        List<String> bookingBefore = AuditTrail.actions("booking:" + id);
        List<String> calendarBefore = AuditTrail.actions("calendar:" + entry);

        TestHttp.Response cancel = app.http().post("/api/bookings/" + id + "/cancel", null, OPERATOR);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        app.bookings().awaitSettled(id, 2);

        assertThat(bookingBefore).containsExactly("booking.created by operator");
        assertThat(calendarBefore).containsExactly("calendar.created by sync");
        assertThat(AuditTrail.actions("booking:" + id))
                .containsExactly("booking.created by operator", "booking.cancelled by operator");
        assertThat(AuditTrail.actions("calendar:" + entry))
                .containsExactly("calendar.created by sync", "calendar.cancelled by sync");
        AuditRecord created = AuditTrail.of("booking:" + id).getFirst();
        assertThat(AuditTrail.details(created))
                .containsEntry("version", 1)
                .containsEntry("source", "boatsetter")
                .containsEntry("external_id", "BS-20240530-0001")
                .containsEntry("start", "2024-05-30T09:00");
        assertThat(AuditTrail.details(AuditTrail.of("booking:" + id).getLast())).containsEntry("version", 2);
        assertThat(AuditTrail.details(AuditTrail.of("calendar:" + entry).getFirst()))
                .containsEntry("booking_id", id)
                .containsEntry("status", "active")
                .containsEntry("sequence", 0);
        assertThat(AuditTrail.details(AuditTrail.of("calendar:" + entry).getLast()))
                .containsEntry("status", "cancelled")
                .containsEntry("changed", List.of("status"));
        assertThat(AuditTrail.verify()).isInstanceOf(AuditChain.Intact.class);
    }

    @Test
    void a_changed_booking_records_its_version_and_the_names_of_the_changed_fields() {
        String id =
                app.bookings().submitAndSync(Examples.booking(), 1).get("id").asText();
        ObjectNode later = Examples.booking().put("start", "2024-05-30T10:00:00");
        later.withObjectProperty("notes").put("guest", "Meet at the fuel dock.");
        JsonNode synced = app.bookings().submitAndSync(later, 2);
        app.bookings().submit(later);

        List<AuditRecord> booking = AuditTrail.of("booking:" + id);
        List<AuditRecord> calendar =
                AuditTrail.of("calendar:" + synced.at("/calendar/entry_id").asText());

        assertThat(booking).extracting(AuditRecord::action).containsExactly("booking.created", "booking.updated");
        assertThat(AuditTrail.details(booking.getLast()))
                .containsEntry("version", 2)
                .containsEntry("start", "2024-05-30T10:00")
                .containsEntry("changed", List.of("start", "notes.guest"));
        assertThat(calendar).extracting(AuditRecord::action).containsExactly("calendar.created", "calendar.updated");
        assertThat(calendar.getLast().actor()).isEqualTo("sync");
        assertThat(AuditTrail.details(calendar.getLast()))
                .containsEntry("sequence", 1)
                .containsEntry("start_time", "10:00")
                .containsEntry("changed", List.of("start_time"));
    }

    @Test
    void revenue_and_the_internal_note_are_in_no_audit_entry() {
        String id =
                app.bookings().submitAndSync(Examples.booking(), 1).get("id").asText();
        ObjectNode changed = Examples.booking();
        changed.withObjectProperty("revenue").put("amount", "912.40");
        changed.withObjectProperty("notes").put("internal", "Owner discount agreed by phone.");
        app.bookings().submitAndSync(changed, 2);
        app.http().post("/api/bookings/" + id + "/cancel", null, OPERATOR);
        app.bookings().awaitSettled(id, 3);

        String log = TestDatabase.dump("audit_log");

        assertThat(AuditTrail.actions("booking:" + id))
                .containsExactly(
                        "booking.created by operator", "booking.updated by operator", "booking.cancelled by operator");
        assertThat(AuditTrail.details(AuditTrail.of("booking:" + id).get(1)))
                .containsEntry("changed", List.of("revenue.amount", "notes.internal"));
        assertThat(log)
                .contains("booking.cancelled")
                .doesNotContain("840.75")
                .doesNotContain("912.40")
                .doesNotContain(INTERNAL_NOTE)
                .doesNotContain("Paid through")
                .doesNotContain("Owner discount");
    }
}
