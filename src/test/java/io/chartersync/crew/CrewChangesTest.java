package io.chartersync.crew;

import static io.chartersync.testsupport.Mailbox.magicToken;
import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A booking's later versions reach its crew: swaps, role and rate changes, reschedules, cancels. */
class CrewChangesTest {
    private static final String INVITATION = "Confirm: JADA charter";
    private static final String REMOVAL = "You're off the JADA charter";
    private static final String ROLE_CHANGE = "Changed: your role";
    private static final String CHANGE = "Changed: ";
    private static final String SUMMARY = "Captain summary: JADA charter";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @BeforeEach
    void addRileyToTheRoster() {
        TestHttp.Response crew3 = app.http()
                .put(
                        "/api/crew/crew-3",
                        "{\"name\": \"Riley Chen\", \"email\": \"crew-3@crew.example.com\", \"roles\": [\"crew\"]}",
                        OPERATOR);
        assertThat(crew3.status()).as(crew3.body()).isIn(200, 201);
    }

    @Test
    void crew_swap_removes_the_old_member_and_invites_the_new_one_only() {
        String id =
                app.bookings().submitAndSync(Examples.booking(), 1).get("id").asText();
        String crew2Token = magicToken(only(app.mailbox().to("crew-2", INVITATION)));
        ObjectNode swapped = Examples.booking();
        crewMembers(swapped, 1).removeAll().add("crew-1").add("crew-3");

        JsonNode status = app.bookings().submitAndSync(swapped, 2);

        assertThat(app.mailbox().to("crew-2", REMOVAL)).hasSize(1);
        TestHttp.Response oldLink = app.http().get("/m/" + crew2Token, NOBODY);
        assertThat(oldLink.status()).isEqualTo(410);
        assertThat(oldLink.contentType()).startsWith("text/html");
        assertThat(oldLink.body()).contains("This link no longer works", "taken off");
        String crew3Token = magicToken(only(app.mailbox().to("crew-3", INVITATION)));
        assertThat(app.http().get("/m/" + crew3Token, NOBODY).status()).isEqualTo(200);
        for (String stayed : List.of("captain-1", "crew-1")) {
            assertThat(app.mailbox().to(stayed, INVITATION))
                    .as(stayed + " invitations")
                    .hasSize(1);
            assertThat(app.mailbox().to(stayed, CHANGE))
                    .as(stayed + " change emails")
                    .isEmpty();
            assertThat(app.mailbox().to(stayed, REMOVAL))
                    .as(stayed + " removal emails")
                    .isEmpty();
        }
        assertThat(status.at("/crew/invited").asInt()).isEqualTo(3);
        assertThat(TestDatabase.count("select count(*) from crew_link where revoked_at is null"))
                .isEqualTo(3);
        assertThat(app.bookings().status(id).at("/crew/invited").asInt()).isEqualTo(3);
    }

    @Test
    void role_and_rate_change_updates_the_same_link_and_asks_to_confirm_again() {
        String id =
                app.bookings().submitAndSync(Examples.booking(), 1).get("id").asText();
        String crew1Token = magicToken(only(app.mailbox().to("crew-1", INVITATION)));
        CrewPages.answer(app.http(), crew1Token, "confirm");
        assertThat(app.bookings().status(id).at("/crew/confirmed").asInt()).isEqualTo(1);
        ObjectNode promoted = Examples.booking();
        ObjectNode crew =
                (ObjectNode) promoted.withArrayProperty("crew_assignments").get(1);
        crew.put("count", 1);
        crew.withArrayProperty("members").removeAll().add("crew-2");
        promoted.withArrayProperty("crew_assignments")
                .addObject()
                .put("role", "deckhand")
                .put("count", 1)
                .put("hourly_rate", 30)
                .withArrayProperty("members")
                .add("crew-1");

        JsonNode status = app.bookings().submitAndSync(promoted, 2);

        assertThat(app.mailbox().to("crew-1", ROLE_CHANGE)).hasSize(1);
        assertThat(app.mailbox().to("crew-1", REMOVAL)).isEmpty();
        assertThat(app.mailbox().to("crew-1", INVITATION)).hasSize(1);
        TestHttp.Response page = app.http().get("/m/" + crew1Token, NOBODY);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<dd>deckhand</dd>", "$30 an hour").doesNotContain("$25 an hour");
        assertThat(status.at("/crew/confirmed").asInt()).isZero();
        assertThat(status.at("/crew/invited").asInt()).isEqualTo(3);
        assertThat(TestDatabase.count("select count(*) from crew_link")).isEqualTo(3);
    }

    @Test
    void rate_changed_back_and_forth_asks_each_time() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        int version = 1;
        for (int rate : List.of(30, 25, 30)) {
            ObjectNode changed = Examples.booking();
            ((ObjectNode) changed.withArrayProperty("crew_assignments").get(1)).put("hourly_rate", rate);
            app.bookings().submitAndSync(changed, ++version);
        }

        assertThat(app.mailbox().to("crew-1", ROLE_CHANGE)).hasSize(3);
        assertThat(app.mailbox().to("crew-2", ROLE_CHANGE)).hasSize(3);
        assertThat(app.mailbox().to("captain-1", ROLE_CHANGE)).isEmpty();
    }

    @Test
    void reschedule_clears_answers_and_asks_every_member_to_confirm_again_through_the_same_links() {
        String id =
                app.bookings().submitAndSync(Examples.booking(), 1).get("id").asText();
        List<String> members = List.of("captain-1", "crew-1", "crew-2");
        List<String> tokens = members.stream()
                .map(m -> magicToken(only(app.mailbox().to(m, INVITATION))))
                .toList();
        CrewPages.answer(app.http(), tokens.get(0), "confirm");
        CrewPages.answer(app.http(), tokens.get(1), "confirm");
        assertThat(app.bookings().status(id).at("/crew/confirmed").asInt()).isEqualTo(2);
        ObjectNode moved = Examples.booking();
        moved.put("start", "2024-05-30T10:00:00");

        JsonNode status = app.bookings().submitAndSync(moved, 2);

        assertThat(status.at("/crew/confirmed").asInt()).isZero();
        for (String member : members) {
            assertThat(app.mailbox().to(member, "Changed: JADA charter now Thu May 30, 10:00 AM"))
                    .as(member)
                    .hasSize(1);
        }
        assertThat(tokens)
                .allSatisfy(t ->
                        assertThat(app.http().get("/m/" + t, NOBODY).status()).isEqualTo(200));
    }

    @Test
    void change_email_says_what_changed_old_and_new() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        ObjectNode moved =
                Examples.booking().put("start", "2024-05-30T10:00:00").put("location", "Fuel dock");

        app.bookings().submitAndSync(moved, 2);

        String text = Mailbox.part(only(app.mailbox().to("crew-1", CHANGE)), "text/plain");
        assertThat(text)
                .contains("When: Thu, May 30, 2024 at 9:00 AM PDT → Thu, May 30, 2024 at 10:00 AM PDT")
                .contains("Where: Sheraton Marina → Fuel dock")
                .doesNotContain("Duration: 3 hours →");
    }

    @Test
    void role_change_email_says_the_old_and_new_role_and_rate() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        ObjectNode promoted = Examples.booking();
        ObjectNode crew =
                (ObjectNode) promoted.withArrayProperty("crew_assignments").get(1);
        crew.put("count", 1);
        crew.withArrayProperty("members").removeAll().add("crew-2");
        promoted.withArrayProperty("crew_assignments")
                .addObject()
                .put("role", "deckhand")
                .put("count", 1)
                .put("hourly_rate", 30)
                .withArrayProperty("members")
                .add("crew-1");

        app.bookings().submitAndSync(promoted, 2);

        assertThat(Mailbox.part(only(app.mailbox().to("crew-1", ROLE_CHANGE)), "text/plain"))
                .contains("Role: crew → deckhand", "Your rate: $25 an hour → $30 an hour");
    }

    @Test
    void removal_and_cancellation_emails_claim_no_personal_link_and_the_guest_page_is_a_link() {
        JsonNode status = app.bookings().submitAndSync(Examples.booking(), 1);
        String guestPage = status.at("/guest_page/url").asText();
        ObjectNode swapped = Examples.booking();
        crewMembers(swapped, 1).removeAll().add("crew-1").add("crew-3");
        app.bookings().submitAndSync(swapped, 2);
        TestHttp.Response cancel =
                app.http().post("/api/bookings/" + status.get("id").asText() + "/cancel", null, OPERATOR);
        assertThat(cancel.status()).isEqualTo(200);
        app.bookings().awaitSettled(status.get("id").asText(), 3);

        List<Path> linkless = new java.util.ArrayList<>(app.mailbox().to("crew-2", REMOVAL));
        linkless.addAll(app.mailbox().containing("Subject: Cancelled: JADA charter"));
        assertThat(linkless).hasSize(4);
        assertThat(linkless)
                .allSatisfy(email -> assertThat(Mailbox.decoded(email)).doesNotContain("This link is personal", "/m/"));
        assertThat(Mailbox.part(only(app.mailbox().to("crew-3", INVITATION)), "text/html"))
                .contains("This link is personal")
                .contains("<a href=\"" + guestPage + "\"");
    }

    @Test
    void guest_note_change_sends_no_new_captain_summary() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        assertThat(app.mailbox().to("captain-1", SUMMARY)).hasSize(1);
        ObjectNode renoted = Examples.booking();
        renoted.withObjectProperty("notes").put("guest", "Please arrive 30 minutes early; parking is scarce.");

        app.bookings().submitAndSync(renoted, 2);

        assertThat(app.mailbox().to("captain-1", SUMMARY)).hasSize(1);
        assertThat(app.mailbox().all())
                .as("the crew's 4 and the guest's page, nothing more")
                .hasSize(5);
    }

    @Test
    void crew_change_sends_exactly_one_new_captain_summary() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        ObjectNode swapped = Examples.booking();
        crewMembers(swapped, 1).removeAll().add("crew-1").add("crew-3");

        app.bookings().submitAndSync(swapped, 2);

        List<Path> summaries = app.mailbox().to("captain-1", SUMMARY);
        assertThat(summaries).hasSize(2);
        assertThat(summaries).anySatisfy(s -> assertThat(Mailbox.read(s)).contains("Riley Chen"));
    }

    @Test
    void cancel_right_after_submit_cancels_everywhere_and_leaves_no_live_link() {
        TestHttp.Response created = app.http().post("/api/bookings", Examples.bookingJson(), OPERATOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        TestHttp.Response cancel = app.http().post("/api/bookings/" + id + "/cancel", null, OPERATOR);
        JsonNode status = app.bookings().awaitSettled(id, 2);

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(status.get("state").asText()).isEqualTo("cancelled");
        JsonNode entry = app.http()
                .get("/calendar/" + status.at("/calendar/entry_id").asText(), OPERATOR)
                .json();
        assertThat(entry.get("status").asText()).isEqualTo("cancelled");
        assertThat(app.http()
                        .get(app.bookings().pathOf(status.at("/guest_page/url").asText()), NOBODY)
                        .body())
                .contains("This charter was cancelled");
        assertThat(TestDatabase.count("select count(*) from crew_link where revoked_at is null"))
                .isZero();
        int invitations = app.mailbox().containing("Subject: " + INVITATION).size();
        assertThat(app.mailbox().containing("Subject: Cancelled: JADA charter")).hasSize(invitations);
        assertThat(TestDatabase.count("select count(*) from crew_link")).isEqualTo(invitations);
    }

    private static ArrayNode crewMembers(ObjectNode booking, int assignment) {
        return ((ObjectNode) booking.withArrayProperty("crew_assignments").get(assignment))
                .withArrayProperty("members");
    }

    private static Path only(List<Path> emails) {
        assertThat(emails).hasSize(1);
        return emails.getFirst();
    }
}
