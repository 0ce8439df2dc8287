package io.chartersync.crew;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed crew API ({@code /events}) and the magic-link pages it emails. */
class CrewApiTest {
    private static final Pattern MAGIC_LINK = Pattern.compile("/m/([A-Za-z0-9_-]{43})");

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void seed_event_answers_201_mints_a_link_per_member_and_emails_each() {
        TestHttp.Response created =
                app.http().post("/events", Examples.crewEvent().toString(), SERVICE);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("event_id").asText()).isNotBlank();
        assertThat(TestDatabase.count("select count(*) from crew_link")).isEqualTo(3);
        assertThat(TestDatabase.count("select count(*) from mail_outbox where dedupe_key like 'invite:%'"))
                .isEqualTo(3);
        List<Path> invitations = awaitInvitations();
        assertThat(invitations.stream().map(CrewApiTest::magicToken).distinct()).hasSize(3);
        assertThat(invitations.stream().map(CrewApiTest::read))
                .anySatisfy(e -> assertThat(e).contains("To: captain-1@crew.example.com"))
                .anySatisfy(e -> assertThat(e).contains("To: crew-1@crew.example.com"))
                .anySatisfy(e -> assertThat(e).contains("To: crew-2@crew.example.com"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestDatabase.count("select count(*) from mail_outbox where state = 'sent'") == 3);
    }

    @Test
    void raw_link_tokens_are_in_no_table() {
        createEvent();
        List<String> tokens =
                awaitInvitations().stream().map(CrewApiTest::magicToken).toList();

        String database = TestDatabase.dump("crew_link")
                + TestDatabase.dump("mail_outbox")
                + TestDatabase.dump("scheduled_tasks");

        assertThat(database).contains("crew-1").doesNotContain(tokens);
    }

    @Test
    void event_reads_back_without_revenue() {
        String id = createEvent();

        TestHttp.Response event = app.http().get("/events/" + id, SERVICE);

        assertThat(event.status()).isEqualTo(200);
        assertThat(event.json().get("event_id").asText()).isEqualTo(id);
        assertThat(event.json().get("status").asText()).isEqualTo("active");
        assertThat(event.json().get("version").asInt()).isEqualTo(1);
        assertThat(event.json().get("captain").asText()).isEqualTo("captain-1");
        assertThat(event.body()).doesNotContainIgnoringCase("revenue");
    }

    @Test
    void range_of_the_charter_day_lists_the_event() {
        String id = createEvent();

        JsonNode day =
                app.http().get("/events?from=2024-05-30&to=2024-05-30", SERVICE).json();
        JsonNode nextDay =
                app.http().get("/events?from=2024-05-31&to=2024-05-31", SERVICE).json();

        assertThat(day.get("events").findValuesAsText("event_id")).containsExactly(id);
        assertThat(nextDay.get("events")).isEmpty();
    }

    @Test
    void unknown_crew_member_is_refused_naming_crew() {
        ObjectNode event = Examples.crewEvent();
        event.putArray("crew").add("crew-1").add("crew-404");

        TestHttp.Response response = app.http().post("/events", event.toString(), SERVICE);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("crew");
        assertThat(response.json().get("detail").asText()).contains("crew-404");
        assertThat(TestDatabase.count("select count(*) from crew_event")).isZero();
    }

    @Test
    void offset_instead_of_an_iana_time_zone_is_refused_naming_time_zone() {
        ObjectNode event = Examples.crewEvent();
        event.put("date", "2024-05-30T09:00:00").put("time_zone", "+02:00");

        TestHttp.Response response = app.http().post("/events", event.toString(), SERVICE);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("time_zone");
        assertThat(TestDatabase.count("select count(*) from crew_event")).isZero();
    }

    @Test
    void opening_a_link_as_a_mail_scanner_does_not_answer() {
        createEvent();
        String token = magicToken(awaitInvitations().getFirst());

        TestHttp.Response head = app.http().send("HEAD", "/m/" + token, null, "", NOBODY);
        List<Integer> gets = Stream.generate(
                        () -> app.http().get("/m/" + token, NOBODY).status())
                .limit(3)
                .toList();

        assertThat(head.status()).isEqualTo(200);
        assertThat(gets).containsOnly(200);
        assertThat(TestDatabase.count("select count(*) from crew_link where answer is not null"))
                .isZero();
    }

    @Test
    void confirming_by_post_answers_303_and_records_the_answer() {
        createEvent();
        String token = magicToken(awaitInvitations().getFirst());

        TestHttp.Response response = CrewPages.answer(app.http(), token, "confirm");

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).hasValue(app.baseUrl() + "/m/" + token + "?answered=confirm");
        assertThat(TestDatabase.count(
                        "select count(*) from crew_link where answer = 'confirm' and answered_version = 1"))
                .isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from crew_link where answer is not null"))
                .isEqualTo(1);
    }

    @Test
    void declining_by_json_post_answers_200_and_records_the_answer() {
        createEvent();
        String token = magicToken(awaitInvitations().getFirst());

        TestHttp.Response response = app.http().post("/m/" + token + "/respond", "{\"answer\": \"decline\"}", NOBODY);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("answer").asText()).isEqualTo("decline");
        assertThat(TestDatabase.count("select count(*) from crew_link where answer = 'decline'"))
                .isEqualTo(1);
    }

    @Test
    void an_answer_other_than_confirm_or_decline_is_refused_naming_answer() {
        createEvent();
        String token = magicToken(awaitInvitations().getFirst());

        TestHttp.Response response = CrewPages.answer(app.http(), token, "maybe");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("answer");
        assertThat(TestDatabase.count("select count(*) from crew_link where answer is not null"))
                .isZero();
    }

    @Test
    void an_unknown_token_answers_404() {
        String unknown = "A".repeat(43);

        assertThat(app.http().get("/m/" + unknown, NOBODY).status()).isEqualTo(404);
        assertThat(app.http().get("/m/" + unknown + "/calendar.ics", NOBODY).status())
                .isEqualTo(404);
        assertThat(CrewPages.answer(app.http(), unknown, "confirm").status()).isEqualTo(404);
    }

    @Test
    void personal_feed_is_an_icalendar_with_the_charter() throws Exception {
        createEvent();
        String token = magicToken(awaitInvitations().getFirst());

        TestHttp.Response feed = app.http().get("/m/" + token + "/calendar.ics", NOBODY);

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT", "LOCATION:Sheraton Marina");
        Calendar parsed = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = parsed.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
    }

    private static String createEvent() {
        TestHttp.Response created =
                app.http().post("/events", Examples.crewEvent().toString(), SERVICE);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        awaitInvitations();
        return created.json().get("event_id").asText();
    }

    /** The three invitation emails, once delivery has written them. */
    private static List<Path> awaitInvitations() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> emails().size() == 3);
        return emails();
    }

    private static String magicToken(Path email) {
        Matcher m = MAGIC_LINK.matcher(read(email));
        assertThat(m.find()).as("a magic link in " + email).isTrue();
        return m.group(1);
    }

    private static List<Path> emails() {
        try (Stream<Path> files = Files.exists(app.mailDir()) ? Files.list(app.mailDir()) : Stream.empty()) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
