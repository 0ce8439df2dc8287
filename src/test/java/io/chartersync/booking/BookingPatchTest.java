package io.chartersync.booking;

import static io.chartersync.testsupport.ProblemAssert.assertInvalidField;
import static io.chartersync.testsupport.ProblemAssert.assertProblem;
import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static io.chartersync.testsupport.TestHttp.As.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.audit.AuditRecord;
import io.chartersync.common.Json;
import io.chartersync.testsupport.AuditTrail;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PATCH /api/bookings/{id}} with a JSON merge patch (RFC 7396) over the current version's body: only
 * what it names changes, the result is validated as a whole, and a change is synced like any other version.
 */
class BookingPatchTest {
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void a_new_start_becomes_the_next_version_and_reaches_calendar_crew_and_guest_page() {
        String id = syncedBooking();

        TestHttp.Response patched = patch(id, "{\"start\": \"2024-05-30T14:00:00\"}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("version").asInt()).isEqualTo(2);
        JsonNode status = app.bookings().awaitSettled(id, 2);
        JsonNode entry = app.http()
                .get("/calendar/" + status.at("/calendar/entry_id").asText(), OPERATOR)
                .json();
        assertThat(entry.get("starts_at").asText()).isEqualTo("2024-05-30T21:00:00Z");
        assertThat(entry.get("duration_hours").asInt()).isEqualTo(3);
        JsonNode event = app.http()
                .get("/events/" + status.at("/crew/event_id").asText(), SERVICE)
                .json();
        assertThat(event.get("date").asText()).isEqualTo("2024-05-30T21:00:00Z");
        assertThat(event.get("crew")).hasSize(2);
        assertThat(app.http().get(GuestPages.path(app, status), NOBODY).body())
                .contains("2:00 PM Pacific", "Boatsetter Guest", "Please arrive 15 minutes early");
        assertThat(stored(id).at("/guest/phone").asText()).isEqualTo("+1 619 555 0100");
    }

    @Test
    void null_removes_an_optional_field_and_leaves_its_siblings() {
        String id = syncedBooking();

        TestHttp.Response patched = patch(id, "{\"guest\": {\"phone\": null}, \"revenue\": null}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("version").asInt()).isEqualTo(2);
        JsonNode body = stored(id);
        assertThat(body.at("/guest/phone").isNull()).as(body.toString()).isTrue();
        assertThat(body.get("revenue").isNull()).as(body.toString()).isTrue();
        assertThat(body.at("/guest/name").asText()).isEqualTo("Boatsetter Guest");
        assertThat(body.at("/guest/email").asText()).isEqualTo("guest@example.com");
        assertThat(body.at("/guest/party_size").asInt()).isEqualTo(6);
        assertThat(body.get("crew_assignments")).hasSize(2);
        app.bookings().awaitSettled(id, 2);
    }

    @Test
    void a_nested_object_merges_member_by_member() {
        String id = syncedBooking();

        TestHttp.Response patched = patch(id, "{\"notes\": {\"guest\": \"Meet at the fuel dock instead.\"}}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode body = stored(id);
        assertThat(body.at("/notes/guest").asText()).isEqualTo("Meet at the fuel dock instead.");
        assertThat(body.at("/notes/crew").asText()).startsWith("Guests are celebrating");
        assertThat(body.at("/notes/internal").asText()).startsWith("Paid through Boatsetter");
        JsonNode status = app.bookings().awaitSettled(id, 2);
        assertThat(app.http().get(GuestPages.path(app, status), NOBODY).body())
                .contains("Meet at the fuel dock instead.")
                .doesNotContain("Please arrive 15 minutes early");
    }

    @Test
    void an_array_is_replaced_whole_and_the_crew_left_out_are_taken_off() {
        String id = syncedBooking();

        TestHttp.Response patched = patch(id, """
            {"crew_assignments": [{"role": "captain", "count": 1, "hourly_rate": 50, "members": ["captain-1"]}]}""");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(stored(id).get("crew_assignments")).hasSize(1);
        JsonNode status = app.bookings().awaitSettled(id, 2);
        JsonNode event = app.http()
                .get("/events/" + status.at("/crew/event_id").asText(), SERVICE)
                .json();
        assertThat(event.get("captain").asText()).isEqualTo("captain-1");
        assertThat(event.get("crew")).isEmpty();
        assertThat(event.get("assignments").findValuesAsText("member_id")).containsExactly("captain-1");
    }

    @Test
    void the_audit_entry_names_the_changed_fields_without_their_values() throws Exception {
        String id = syncedBooking();

        patch(id, "{\"guest\": {\"phone\": null}, \"revenue\": {\"amount\": 999.5}, \"duration_hours\": 4}");

        List<AuditRecord> entries = AuditTrail.of("booking:" + id);
        assertThat(entries).extracting(AuditRecord::action).containsExactly("booking.created", "booking.updated");
        AuditRecord updated = entries.get(1);
        List<String> changed = new java.util.ArrayList<>();
        Json.mapper().readTree(updated.details()).get("changed").forEach(f -> changed.add(f.asText()));
        assertThat(changed).containsExactlyInAnyOrder("duration_hours", "guest.phone", "revenue.amount");
        assertThat(updated.actor()).isEqualTo("operator");
        assertThat(updated.details()).doesNotContain("999", "619 555");
        app.bookings().awaitSettled(id, 2);
    }

    @Test
    void a_patch_that_changes_nothing_answers_the_same_version() {
        String id = syncedBooking();

        TestHttp.Response empty = patch(id, "{}");
        TestHttp.Response same = patch(id, "{\"boat\": \"JADA\", \"guest\": {\"party_size\": 6}}");

        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        assertThat(empty.json().get("version").asInt()).isEqualTo(1);
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().get("version").asInt()).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from booking_version")).isEqualTo(1);
        assertThat(AuditTrail.actions("booking:" + id)).containsExactly("booking.created by operator");
    }

    @Test
    void source_and_external_id_cannot_change() {
        String id = syncedBooking();

        assertInvalidField(patch(id, "{\"external_id\": \"BS-OTHER\"}"), "external_id");
        assertInvalidField(patch(id, "{\"source\": \"getmyboat\"}"), "source");
        assertInvalidField(patch(id, "{\"source\": null}"), "source");
        assertThat(app.bookings().status(id).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void the_result_is_validated_as_a_whole_naming_each_field_and_nothing_is_stored() {
        String id = syncedBooking();

        assertInvalidField(patch(id, "{\"time_zone\": null}"), "time_zone");
        assertInvalidField(patch(id, "{\"guest\": {\"email\": \"not an address\"}}"), "guest.email");
        assertInvalidField(patch(id, "{\"revenue\": {\"amount\": null}}"), "revenue.amount");
        assertInvalidField(patch(id, "{\"revenue\": {\"currency\": \"usd\"}}"), "revenue.currency");
        TestHttp.Response unknownCrew = patch(id, """
            {"crew_assignments": [{"role": "captain", "count": 1, "hourly_rate": 50, "members": ["nobody-9"]}]}""");
        assertThat(assertInvalidField(unknownCrew, "crew_assignments")).contains("nobody-9");
        assertThat(TestDatabase.count("select count(*) from booking_version")).isEqualTo(1);
    }

    @Test
    void a_cancelled_booking_is_not_edited() {
        String id = syncedBooking();
        TestHttp.Response cancel = app.http().post("/api/bookings/" + id + "/cancel", null, OPERATOR);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        app.bookings().awaitSettled(id, 2);

        assertProblem(patch(id, "{\"duration_hours\": 4}"), 409);
        assertProblem(patch(id, "{}"), 409);
        assertThat(app.bookings().status(id).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void an_unknown_booking_is_404_and_another_media_type_is_415() {
        String id = syncedBooking();

        assertProblem(patch(UUID.randomUUID().toString(), "{}"), 404);
        assertProblem(app.http().send("PATCH", "/api/bookings/" + id, "{}", "application/json", OPERATOR), 415);
        assertProblem(app.http().send("PATCH", "/api/bookings/" + id, "{}", null, OPERATOR), 415);
        assertProblem(app.http().send("PATCH", "/api/bookings/" + id, "{}", MERGE_PATCH, NOBODY), 401);
        assertThat(app.bookings().status(id).get("version").asInt()).isEqualTo(1);
    }

    private static String syncedBooking() {
        return app.bookings().submitAndSync(Examples.booking(), 1).get("id").asText();
    }

    private static TestHttp.Response patch(String id, String body) {
        return app.http().send("PATCH", "/api/bookings/" + id, body, MERGE_PATCH, OPERATOR);
    }

    /** The body of the booking's current version as stored. */
    private static JsonNode stored(String id) {
        try {
            return Json.mapper()
                    .readTree(TestDatabase.strings("""
                    select v.body::text from booking b join booking_version v
                      on v.booking_id = b.id and v.version = b.current_version where b.id = '%s'""".formatted(id)).getFirst());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
