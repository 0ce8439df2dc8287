package io.chartersync.calendar;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The database refuses a boat or a named crew member on two overlapping active entries; the API says 409. */
class CalendarConflictsTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void overlapping_entry_for_the_same_boat_is_a_409_naming_the_first_entry() {
        String first = created(post(onBoat("JADA", "09:00")));

        TestHttp.Response second = post(onBoat("JADA", "10:30"));

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("status").asInt()).isEqualTo(409);
        assertThat(second.json().get("detail").asText()).contains(first);
        assertThat(TestDatabase.count("select count(*) from calendar_entry")).isEqualTo(1);
    }

    @Test
    void entry_starting_when_the_other_ends_is_no_clash() {
        TestHttp.Response first = post(onBoat("JADA", "09:00"));
        TestHttp.Response second = post(onBoat("JADA", "12:00"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(TestDatabase.count("select count(*) from calendar_entry where status = 'active'"))
                .isEqualTo(2);
    }

    @Test
    void same_time_on_different_boats_is_no_clash() {
        TestHttp.Response jada = post(onBoat("JADA", "09:00"));
        TestHttp.Response seabird = post(onBoat("SEABIRD", "09:00"));

        assertThat(jada.status()).as(jada.body()).isEqualTo(201);
        assertThat(seabird.status()).as(seabird.body()).isEqualTo(201);
    }

    @Test
    void entries_without_a_boat_never_clash() {
        TestHttp.Response first = post(Examples.calendarEntry());
        TestHttp.Response second = post(Examples.calendarEntry());
        TestHttp.Response third = post(Examples.calendarEntry().put("boat", ""));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(third.status()).as(third.body()).isEqualTo(201);
        assertThat(TestDatabase.count("select count(*) from calendar_entry where status = 'active'"))
                .isEqualTo(3);
    }

    @Test
    void crew_member_named_on_two_overlapping_entries_is_a_409_naming_the_first() {
        String first = created(post(withCaptain(onBoat("JADA", "09:00"), "captain-1")));

        TestHttp.Response second = post(withCaptain(onBoat("SEABIRD", "11:00"), "captain-1"));

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("detail").asText()).contains(first);
        assertThat(TestDatabase.count("select count(*) from calendar_entry")).isEqualTo(1);
    }

    @Test
    void different_crew_members_at_the_same_time_is_no_clash() {
        TestHttp.Response first = post(withCaptain(onBoat("JADA", "09:00"), "captain-1"));
        TestHttp.Response second = post(withCaptain(onBoat("SEABIRD", "09:00"), "captain-2"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
    }

    @Test
    void after_the_first_entry_is_cancelled_the_overlapping_one_is_created() {
        String first = created(post(withCaptain(onBoat("JADA", "09:00"), "captain-1")));
        assertThat(post(onBoat("JADA", "10:00")).status()).isEqualTo(409);
        assertThat(post(withCaptain(onBoat("SEABIRD", "10:00"), "captain-1")).status())
                .isEqualTo(409);

        TestHttp.Response cancel = app.http().send("DELETE", "/calendar/" + first, null, "application/json", OPERATOR);
        TestHttp.Response boat = post(onBoat("JADA", "10:00"));
        TestHttp.Response crew = post(withCaptain(onBoat("SEABIRD", "10:00"), "captain-1"));

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(boat.status()).as(boat.body()).isEqualTo(201);
        assertThat(crew.status()).as(crew.body()).isEqualTo(201);
    }

    @Test
    void moving_an_entry_onto_another_with_put_is_a_409_and_changes_nothing() {
        String first = created(post(onBoat("JADA", "09:00")));
        String second = created(post(onBoat("JADA", "13:00")));

        TestHttp.Response moved =
                app.http().put("/calendar/" + second, onBoat("JADA", "10:00").toString(), OPERATOR);

        assertThat(moved.status()).as(moved.body()).isEqualTo(409);
        assertThat(moved.json().get("detail").asText()).contains(first);
        assertThat(app.http()
                        .get("/calendar/" + second, OPERATOR)
                        .json()
                        .get("start_time")
                        .asText())
                .isEqualTo("13:00:00");
    }

    private static ObjectNode onBoat(String boat, String start) {
        return Examples.calendarEntry().put("boat", boat).put("start_time", start);
    }

    private static ObjectNode withCaptain(ObjectNode entry, String member) {
        ((ObjectNode) entry.withArrayProperty("crew_assignments").get(1))
                .putArray("members")
                .add(member);
        return entry;
    }

    private static TestHttp.Response post(ObjectNode body) {
        return app.http().post("/calendar", body.toString(), OPERATOR);
    }

    private static String created(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }
}
