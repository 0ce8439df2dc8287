package io.chartersync.crew;

import static io.chartersync.testsupport.TestHttp.As.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a crew answer sets off: a decline reaches the operator at once, and the captain's summary is
 * re-sent, at most once per 10 minutes with the answers of that time coalesced.
 */
class CrewAnswersTest {
    private static final String OPERATOR = "dispatch@operator.example.com";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster().withEnvironment(Map.of("OPERATOR_EMAIL", OPERATOR));

    @Test
    void a_decline_is_emailed_to_the_operator_at_once_once_per_answer() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        String crew2 = Mailbox.magicToken(awaitOne("To: crew-2@", "Subject: Confirm:"));

        CrewPages.answer(app.http(), crew2, "decline");
        CrewPages.answer(app.http(), crew2, "decline");

        String alert = Mailbox.read(awaitOne("To: " + OPERATOR, "Subject: Declined: Jordan Park"));
        assertThat(alert).contains("JADA", "Thu May 30, 9:00 AM", "crew");
        assertThat(TestDatabase.count("select count(*) from mail_outbox where kind = 'decline'"))
                .isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from audit_log where action = 'crew.answered'"))
                .isEqualTo(1);
    }

    @Test
    void answers_within_ten_minutes_of_the_last_summary_are_coalesced_into_one_re_send() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        awaitOne("To: captain-1@", "Subject: Captain summary:");
        String crew1 = Mailbox.magicToken(awaitOne("To: crew-1@", "Subject: Confirm:"));
        String crew2 = Mailbox.magicToken(awaitOne("To: crew-2@", "Subject: Confirm:"));

        CrewPages.answer(app.http(), crew1, "confirm");
        CrewPages.answer(app.http(), crew2, "decline");

        assertThat(TestDatabase.count("""
                select count(*) from scheduled_tasks s join crew_event e on s.task_data = convert_to(e.id::text, 'UTF8')
                where s.task_name = 'captain-summary'
                  and s.execution_time between e.summary_sent_at + interval '599 seconds'
                                           and e.summary_sent_at + interval '601 seconds'""")).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from scheduled_tasks where task_name = 'captain-summary'"))
                .isEqualTo(1);

        app.clock().advance(Duration.ofMinutes(10));

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        app.mailbox().containing("Subject: Captain summary:").size() == 2);
        String resent = app.mailbox().containing("Subject: Captain summary:", "(1 of 3 confirmed)").stream()
                .map(Mailbox::read)
                .findFirst()
                .orElseThrow();
        assertThat(resent).contains("Sam Lee", "confirmed", "Jordan Park", "declined");
    }

    @Test
    void the_first_answer_after_a_quiet_spell_re_sends_the_summary_at_once() {
        app.http().post("/events", Examples.crewEvent().toString(), SERVICE);
        String crew1 = Mailbox.magicToken(awaitOne("To: crew-1@", "Subject: Confirm:"));

        CrewPages.answer(app.http(), crew1, "confirm");

        String summary = Mailbox.read(awaitOne("To: captain-1@", "Subject: Captain summary:"));
        assertThat(summary).contains("(1 of 3 confirmed)");
    }

    @Test
    void an_answer_changed_back_still_reaches_the_captain() {
        app.http().post("/events", Examples.crewEvent().toString(), SERVICE);
        String crew1 = Mailbox.magicToken(awaitOne("To: crew-1@", "Subject: Confirm:"));

        for (String answer : List.of("confirm", "decline", "confirm")) {
            // Ten minutes pass between the answers, so each may have its summary at once.
            TestDatabase.execute("update crew_event set summary_sent_at = summary_sent_at - interval '10 minutes'");
            int before = app.mailbox().containing("Subject: Captain summary:").size();
            CrewPages.answer(app.http(), crew1, answer);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> app.mailbox()
                                    .containing("Subject: Captain summary:")
                                    .size()
                            == before + 1);
        }

        assertThat(app.mailbox().containing("Subject: Captain summary:", "(1 of 3 confirmed)"))
                .as("the first and the last summary say the same, and both went out")
                .hasSize(2);
    }

    @Test
    void the_same_answer_twice_sets_off_nothing_more() {
        app.http().post("/events", Examples.crewEvent().toString(), SERVICE);
        String crew1 = Mailbox.magicToken(awaitOne("To: crew-1@", "Subject: Confirm:"));
        CrewPages.answer(app.http(), crew1, "confirm");
        awaitOne("To: captain-1@", "Subject: Captain summary:");

        CrewPages.answer(app.http(), crew1, "confirm");

        assertThat(TestDatabase.count("select count(*) from scheduled_tasks where task_name = 'captain-summary'"))
                .isZero();
        assertThat(TestDatabase.count("select changes from crew_link where answer = 'confirm'"))
                .isEqualTo(1);
    }

    private static Path awaitOne(String... texts) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.mailbox().containing(texts).size() == 1);
        List<Path> found = app.mailbox().containing(texts);
        return found.getFirst();
    }
}
