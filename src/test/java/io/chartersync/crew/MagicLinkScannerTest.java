package io.chartersync.crew;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static io.chartersync.testsupport.TestHttp.As.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.LinkTokens;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail scanners open every link in an email, with HEAD and GET, before the crew member does: that must
 * neither answer nor change anything. Only the POST of the page's form (with its CSRF token) answers,
 * and a link of a cancelled charter answers 410 to everything, saying why.
 */
class MagicLinkScannerTest {
    private static final String INVITATION = "Confirm: JADA charter";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    private String bookingId;
    private String eventId;
    /** crew-1's magic link, from the invitation email. */
    private String token;

    @BeforeEach
    void bookAndReadCrew1sInvitation() {
        JsonNode status = app.bookings().submitAndSync(Examples.booking(), 1);
        bookingId = status.get("id").asText();
        eventId = status.at("/crew/event_id").asText();
        List<java.nio.file.Path> invitations = app.mailbox().to("crew-1", INVITATION);
        assertThat(invitations).hasSize(1);
        token = Mailbox.magicToken(invitations.getFirst());
    }

    @Test
    void head_and_three_gets_leave_the_link_unused_and_change_nothing_anywhere() {
        String linkBefore = linkState();
        long auditBefore = count("audit_log");
        long mailBefore = count("mail_outbox");
        Map<String, String> databaseBefore = databaseWithoutTheSchedulersTable();

        TestHttp.Response head = app.http().send("HEAD", "/m/" + token, null, "", NOBODY);
        List<TestHttp.Response> gets = Stream.generate(() -> app.http().get("/m/" + token, NOBODY))
                .limit(3)
                .toList();
        TestHttp.Response feed = app.http().get("/m/" + token + "/calendar.ics", NOBODY);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("text/html");
        assertThat(gets).allSatisfy(get -> {
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.body()).contains("Can you make it?", "name=\"csrf\"");
        });
        assertThat(feed.status()).isEqualTo(200);
        assertThat(TestDatabase.strings("select concat_ws('|', answer, answered_at) from crew_link where token_hash = '"
                        + LinkTokens.hashOf(token) + "'"))
                .as("answer and answered_at of crew-1's link")
                .containsExactly("");
        assertThat(linkState()).isEqualTo(linkBefore);
        assertThat(count("audit_log")).isEqualTo(auditBefore);
        assertThat(count("mail_outbox")).isEqualTo(mailBefore);
        assertThat(TestDatabase.count("select count(*) from crew_link where answer is not null"))
                .isZero();
        assertThat(databaseWithoutTheSchedulersTable()).isEqualTo(databaseBefore);
        assertThat(app.bookings().status(bookingId).at("/crew/confirmed").asInt())
                .isZero();
    }

    @Test
    void the_post_of_the_pages_form_after_the_scanner_records_the_answer_and_one_audit_entry() {
        app.http().send("HEAD", "/m/" + token, null, "", NOBODY);
        for (int i = 0; i < 3; i++) {
            app.http().get("/m/" + token, NOBODY);
        }

        TestHttp.Response answered = CrewPages.answer(app.http(), token, "confirm");

        assertThat(answered.status()).isEqualTo(303);
        assertThat(answered.header("Location")).hasValue(app.baseUrl() + "/m/" + token + "?answered=confirm");
        assertThat(TestDatabase.strings("select answer from crew_link where answered_at is not null"
                        + " and answered_version = 1 and changes = 1 and token_hash = '"
                        + LinkTokens.hashOf(token) + "'"))
                .containsExactly("confirm");
        assertThat(TestDatabase.strings("select actor || ' ' || action || ' ' || subject from audit_log"
                        + " where action = 'crew.answered'"))
                .containsExactly("crew:crew-1 crew.answered crew-link:" + linkId());
        assertThat(app.http().get("/m/" + token + "?answered=confirm", NOBODY).body())
                .contains("Thanks, you confirmed");
        assertThat(app.bookings().status(bookingId).at("/crew/confirmed").asInt())
                .isEqualTo(1);
    }

    @Test
    void the_same_answer_posted_twice_is_recorded_and_audited_once() {
        TestHttp.Response first = CrewPages.answer(app.http(), token, "decline");
        String linkAfterFirst = linkState();
        long mailAfterFirst = count("mail_outbox");

        TestHttp.Response second = CrewPages.answer(app.http(), token, "decline");

        assertThat(first.status()).isEqualTo(303);
        assertThat(second.status()).isEqualTo(303);
        assertThat(TestDatabase.count("select count(*) from audit_log where action = 'crew.answered'"))
                .isEqualTo(1);
        assertThat(linkState()).isEqualTo(linkAfterFirst);
        assertThat(count("mail_outbox")).as("no second decline alert").isEqualTo(mailAfterFirst);
        assertThat(TestDatabase.count("select count(*) from mail_outbox where kind = 'decline'"))
                .isEqualTo(1);
    }

    @Test
    void a_form_post_without_the_csrf_token_answers_403_and_records_nothing() {
        assertRefusedWith403("answer=confirm");
    }

    @Test
    void a_form_post_with_a_wrong_csrf_token_answers_403_and_records_nothing() {
        assertRefusedWith403("answer=confirm&csrf=" + "A".repeat(43));
    }

    @Test
    void a_form_post_with_the_csrf_token_of_another_members_page_answers_403_and_records_nothing() {
        String crew2Token =
                Mailbox.magicToken(app.mailbox().to("crew-2", INVITATION).getFirst());

        assertRefusedWith403("answer=confirm&csrf=" + CrewPages.csrf(app.http(), crew2Token));
    }

    @Test
    void a_link_of_a_cancelled_booking_answers_410_to_get_head_and_post_naming_the_cancellation() {
        TestHttp.Response cancel = app.http().post("/api/bookings/" + bookingId + "/cancel", null, OPERATOR);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        app.bookings().awaitSettled(bookingId, 2);

        assertGoneBecauseCancelled();
    }

    @Test
    void a_link_of_an_event_cancelled_through_the_crew_api_answers_410_to_get_head_and_post() {
        TestHttp.Response cancel = app.http().post("/events/" + eventId + "/cancel", null, SERVICE);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.json().get("status").asText()).isEqualTo("cancelled");

        assertGoneBecauseCancelled();
    }

    @Test
    void an_unknown_link_answers_404_with_a_page() {
        TestHttp.Response unknown = app.http().get("/m/" + "B".repeat(43), NOBODY);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.body()).contains("We don't recognise this link");
    }

    private void assertGoneBecauseCancelled() {
        long auditBefore = count("audit_log");
        long mailBefore = count("mail_outbox");
        String linkBefore = linkState();

        TestHttp.Response get = app.http().get("/m/" + token, NOBODY);
        TestHttp.Response head = app.http().send("HEAD", "/m/" + token, null, "", NOBODY);
        TestHttp.Response form = CrewPages.answer(app.http(), token, "confirm");
        TestHttp.Response json = app.http().post("/m/" + token + "/respond", "{\"answer\": \"confirm\"}", NOBODY);

        assertThat(List.of(get, form)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(410);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.body()).contains("This link no longer works", "cancelled");
        });
        assertThat(head.status()).isEqualTo(410);
        assertThat(head.contentType()).startsWith("text/html");
        assertThat(json.status()).isEqualTo(410);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(json.json().get("detail").asText()).contains("cancelled");
        assertThat(linkState()).isEqualTo(linkBefore);
        assertThat(TestDatabase.count("select count(*) from crew_link where answer is not null"))
                .isZero();
        assertThat(count("audit_log")).isEqualTo(auditBefore);
        assertThat(count("mail_outbox")).isEqualTo(mailBefore);
    }

    private void assertRefusedWith403(String form) {
        long auditBefore = count("audit_log");
        long mailBefore = count("mail_outbox");
        String linkBefore = linkState();

        TestHttp.Response response = app.http().form("/m/" + token + "/respond", form);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("csrf");
        assertThat(linkState()).isEqualTo(linkBefore);
        assertThat(TestDatabase.count("select count(*) from crew_link where answer is not null"))
                .isZero();
        assertThat(count("audit_log")).isEqualTo(auditBefore);
        assertThat(count("mail_outbox")).isEqualTo(mailBefore);
    }

    /** Everything a use of crew-1's link could change on its row. */
    private String linkState() {
        List<String> state = TestDatabase.strings("select concat_ws('|', coalesce(answer, '-'),"
                + " coalesce(answered_at::text, '-'), coalesce(answered_version::text, '-'), changes,"
                + " coalesce(revoked_at::text, '-'), expires_at) from crew_link where token_hash = '"
                + LinkTokens.hashOf(token) + "'");
        assertThat(state).as("crew-1's link, found by its token's hash").hasSize(1);
        return state.getFirst();
    }

    private String linkId() {
        return TestDatabase.strings("select id from crew_link where token_hash = '" + LinkTokens.hashOf(token) + "'")
                .getFirst();
    }

    private static long count(String table) {
        return TestDatabase.count("select count(*) from " + table);
    }

    /** The database, but for db-scheduler's own table (its bookkeeping of finished tasks may still settle). */
    private static Map<String, String> databaseWithoutTheSchedulersTable() {
        Map<String, String> tables = new HashMap<>(TestDatabase.everyRowAsText());
        tables.remove("scheduled_tasks");
        return tables;
    }
}
