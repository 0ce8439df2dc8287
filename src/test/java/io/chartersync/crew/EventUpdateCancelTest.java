package io.chartersync.crew;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static io.chartersync.testsupport.TestHttp.As.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code PUT /events/{id}} and {@code POST /events/{id}/cancel}: every change reaches the crew once. */
class EventUpdateCancelTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @BeforeEach
    void addCrew3() {
        app.http()
                .put(
                        "/api/crew/crew-3",
                        "{\"name\": \"Riley Chen\", \"email\": \"crew-3@crew.example.com\", \"roles\": [\"crew\"]}",
                        OPERATOR);
    }

    @Test
    void moving_the_event_raises_its_version_marks_answers_stale_and_asks_everyone_again() {
        String id = create();
        String crew1 = Mailbox.magicToken(awaitOne("crew-1", "Confirm:"));
        CrewPages.answer(app.http(), crew1, "confirm");
        ObjectNode moved = Examples.crewEvent().put("date", "2024-05-31T16:00:00Z");

        TestHttp.Response updated = app.http().put("/events/" + id, moved.toString(), SERVICE);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        JsonNode crew1Assignment = assignment(updated.json(), "crew-1");
        assertThat(crew1Assignment.get("answer").asText()).isEqualTo("awaiting answer");
        assertThat(crew1Assignment.get("stale").asBoolean()).isTrue();
        for (String member : List.of("captain-1", "crew-1", "crew-2")) {
            assertThat(Mailbox.read(awaitOne(member, "Changed:"))).contains("Fri May 31, 9:00 AM");
        }
        assertThat(app.http().get("/m/" + crew1, NOBODY).body()).contains("You have not answered yet");
    }

    @Test
    void the_same_body_again_changes_nothing_and_sends_nothing() {
        String id = create();
        awaitOne("crew-1", "Confirm:");

        TestHttp.Response again =
                app.http().put("/events/" + id, Examples.crewEvent().toString(), SERVICE);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").asInt()).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from mail_outbox")).isEqualTo(3);
        assertThat(TestDatabase.count("select count(*) from audit_log where action = 'crew-event.updated'"))
                .isZero();
    }

    @Test
    void swapping_a_member_takes_the_old_one_off_and_invites_the_new_one() {
        String id = create();
        String crew2 = Mailbox.magicToken(awaitOne("crew-2", "Confirm:"));
        ObjectNode swapped = Examples.crewEvent();
        swapped.putArray("crew").add("crew-1").add("crew-3");

        TestHttp.Response updated = app.http().put("/events/" + id, swapped.toString(), SERVICE);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("crew")).extracting(JsonNode::asText).containsExactly("crew-1", "crew-3");
        assertThat(Mailbox.read(awaitOne("crew-2", "You're off"))).doesNotContain("/m/");
        awaitOne("crew-3", "Confirm:");
        assertThat(app.http().get("/m/" + crew2, NOBODY).status()).isEqualTo(410);
        assertThat(app.mailbox().to("crew-1", "Changed:")).isEmpty();
        assertThat(TestDatabase.count("select count(*) from audit_log where action = 'crew-link.revoked'"))
                .isEqualTo(1);
    }

    @Test
    void cancelling_tells_every_member_kills_their_links_and_is_idempotent() {
        String id = create();
        String crew1 = Mailbox.magicToken(awaitOne("crew-1", "Confirm:"));

        TestHttp.Response cancelled = app.http().post("/events/" + id + "/cancel", "", SERVICE);
        TestHttp.Response again = app.http().post("/events/" + id + "/cancel", "", SERVICE);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(again.status()).isEqualTo(200);
        for (String member : List.of("captain-1", "crew-1", "crew-2")) {
            awaitOne(member, "Cancelled:");
        }
        TestHttp.Response page = app.http().get("/m/" + crew1, NOBODY);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("cancelled");
        assertThat(TestDatabase.count("select count(*) from audit_log where action = 'crew-event.cancelled'"))
                .isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from mail_outbox where kind = 'cancel'"))
                .isEqualTo(3);
    }

    @Test
    void a_cancelled_event_cannot_be_changed() {
        String id = create();
        app.http().post("/events/" + id + "/cancel", "", SERVICE);

        TestHttp.Response put =
                app.http().put("/events/" + id, Examples.crewEvent().toString(), SERVICE);

        assertThat(put.status()).isEqualTo(409);
        assertThat(put.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_bad_body_names_the_field_and_changes_nothing() {
        String id = create();
        ObjectNode bad = Examples.crewEvent().put("duration_hours", -2);
        bad.putArray("crew").add("nobody-9");

        TestHttp.Response put = app.http().put("/events/" + id, bad.toString(), SERVICE);

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().get("errors").findValuesAsText("field")).contains("duration_hours", "crew");
        JsonNode event = app.http().get("/events/" + id, SERVICE).json();
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(event.get("duration_hours").asInt()).isEqualTo(3);
    }

    @Test
    void unknown_events_answer_404_and_the_service_key_is_required() {
        String unknown = "/events/00000000-0000-0000-0000-000000000000";

        assertThat(app.http()
                        .put(unknown, Examples.crewEvent().toString(), SERVICE)
                        .status())
                .isEqualTo(404);
        assertThat(app.http().post(unknown + "/cancel", "", SERVICE).status()).isEqualTo(404);
        String id = create();
        assertThat(app.http().post("/events/" + id + "/cancel", "", NOBODY).status())
                .isEqualTo(401);
        assertThat(app.http()
                        .put("/events/" + id, Examples.crewEvent().toString(), OPERATOR)
                        .status())
                .isEqualTo(401);
        assertThat(app.http().get("/events/" + id, SERVICE).json().get("status").asText())
                .isEqualTo("active");
    }

    private static String create() {
        TestHttp.Response created =
                app.http().post("/events", Examples.crewEvent().toString(), SERVICE);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("event_id").asText();
    }

    private static Path awaitOne(String member, String subjectPrefix) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.mailbox().to(member, subjectPrefix).size() == 1);
        return app.mailbox().to(member, subjectPrefix).getFirst();
    }

    private static JsonNode assignment(JsonNode event, String member) {
        for (JsonNode a : event.get("assignments")) {
            if (a.get("member_id").asText().equals(member)) {
                return a;
            }
        }
        throw new AssertionError("no assignment of " + member + " in " + event);
    }
}
