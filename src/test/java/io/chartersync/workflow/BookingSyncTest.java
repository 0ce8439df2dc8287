package io.chartersync.workflow;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed booking through HTTP, end to end through all four systems. */
class BookingSyncTest {
    private static final String REVENUE_CANARY = "97531.86";
    private static final String INTERNAL_CANARY = "INTERNAL-CANARY-payout-via-wire-7f3k";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void seed_booking_reaches_synced_with_one_of_everything() {
        TestHttp.Response created = app.http().post("/api/bookings", Examples.bookingJson(), OPERATOR);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location"))
                .hasValue("/api/bookings/" + created.json().get("id").asText());

        JsonNode status = awaitSyncedWithMailSent(created.json().get("id").asText());

        assertThat(status.get("version").asInt()).isEqualTo(1);
        assertThat(status.at("/calendar/state").asText()).isEqualTo("done");
        assertThat(status.at("/crew/invited").asInt()).isEqualTo(3);
        assertThat(status.at("/guest_page/url").asText()).matches(app.baseUrl() + "/g/may-30-boatsetter-[a-z0-9]{8}/");
        assertThat(status.at("/emails/sent").asInt()).isEqualTo(5);
        assertThat(status.get("steps").findValuesAsText("step"))
                .containsExactly("calendar", "guest-page", "crew-event", "captain-summary");
        assertThat(status.get("steps").findValuesAsText("state")).containsOnly("done");
        assertThat(TestDatabase.count("select count(*) from calendar_entry")).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from crew_event")).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from guest_page")).isEqualTo(1);
        assertThat(emails()).hasSize(5);
        assertThat(emailsContaining("Subject: Confirm: JADA charter Thu May 30, 9:00 AM"))
                .hasSize(3);
        assertThat(emailsContaining("Subject: Captain summary: JADA charter Thu May 30, 9:00 AM"))
                .hasSize(1);
        assertThat(emailsContaining("To: captain-1@crew.example.com")).hasSize(2);
    }

    @Test
    void calendar_entry_keeps_time_zone_duration_and_assignments() {
        JsonNode status = submitAndSync(Examples.booking());
        JsonNode entry = app.http()
                .get("/calendar/" + status.at("/calendar/entry_id").asText(), OPERATOR)
                .json();

        assertThat(entry.get("date").asText()).isEqualTo("2024-05-30");
        assertThat(entry.get("start_time").asText()).isEqualTo("09:00:00");
        assertThat(entry.get("time_zone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(entry.get("starts_at").asText()).isEqualTo("2024-05-30T16:00:00Z");
        assertThat(entry.get("duration_hours").decimalValue()).isEqualByComparingTo("3");
        assertThat(entry.get("location").asText()).isEqualTo("Sheraton Marina");
        assertThat(entry.get("guest_name").asText()).isEqualTo("Boatsetter Guest");
        assertThat(entry.at("/crew_assignments/0/role").asText()).isEqualTo("captain");
        assertThat(entry.at("/crew_assignments/1/members").toString()).isEqualTo("[\"crew-1\",\"crew-2\"]");
    }

    @Test
    void guest_page_is_served_at_both_clean_urls_with_etag() {
        JsonNode status = submitAndSync(Examples.booking());
        String path = status.at("/guest_page/url")
                .asText()
                .substring(app.baseUrl().toString().length());

        TestHttp.Response withSlash = app.http().get(path, NOBODY);
        TestHttp.Response withoutSlash = app.http().get(path.substring(0, path.length() - 1), NOBODY);
        String etag = withSlash.header("ETag").orElseThrow();
        TestHttp.Response revalidated = app.http().send("GET", path, null, "text/html", NOBODY, "If-None-Match", etag);

        assertThat(withSlash.status()).isEqualTo(200);
        assertThat(withSlash.body())
                .contains(
                        "Thursday, May 30, 2024",
                        "9:00 AM Pacific Daylight Time",
                        "(America/Los_Angeles)",
                        "3 hours",
                        "Sheraton Marina",
                        "Boatsetter Guest",
                        "Please arrive 15 minutes early");
        assertThat(withoutSlash.body()).isEqualTo(withSlash.body());
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(withSlash.header("X-Robots-Tag"))
                .hasValueSatisfying(v -> assertThat(v).contains("noindex"));
    }

    @Test
    void revenue_and_internal_note_reach_no_crew_or_guest_output() {
        ObjectNode booking = Examples.booking();
        booking.withObjectProperty("revenue").put("amount", REVENUE_CANARY);
        booking.withObjectProperty("notes").put("internal", INTERNAL_CANARY);
        JsonNode status = submitAndSync(booking);
        String token = magicToken(emailsContaining("Subject: Confirm:").getFirst());
        String eventId = status.at("/crew/event_id").asText();
        String pagePath = status.at("/guest_page/url")
                .asText()
                .substring(app.baseUrl().toString().length());

        List<String> crewAndGuestOutputs = Stream.concat(
                        emails().stream().map(BookingSyncTest::read),
                        Stream.of(
                                app.http().get(pagePath, NOBODY).body(),
                                app.http().get("/m/" + token, NOBODY).body(),
                                app.http()
                                        .get("/m/" + token + "/calendar.ics", NOBODY)
                                        .body(),
                                app.http().get("/events/" + eventId, SERVICE).body(),
                                TestDatabase.dump("crew_event"),
                                TestDatabase.dump("mail_outbox")))
                .toList();

        assertThat(crewAndGuestOutputs)
                .as("5 emails (the guest's included), 6 other outputs")
                .hasSize(11)
                .allSatisfy(output -> {
                    assertThat(output).doesNotContain(REVENUE_CANARY, "97531", INTERNAL_CANARY);
                });
        // The operator's status document carries the booking as accepted, revenue included, and only there.
        ObjectNode operatorStatus = (ObjectNode) app.http()
                .get("/api/bookings/" + status.get("id").asText(), OPERATOR)
                .json();
        assertThat(operatorStatus.at("/booking/revenue/amount").decimalValue()).isEqualByComparingTo(REVENUE_CANARY);
        operatorStatus.remove("booking");
        assertThat(operatorStatus.toString()).doesNotContain(REVENUE_CANARY, INTERNAL_CANARY);
    }

    @Test
    void same_booking_twice_changes_nothing() {
        JsonNode first = submitAndSync(Examples.booking());

        TestHttp.Response again = app.http().post("/api/bookings", Examples.bookingJson(), OPERATOR);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(again.json().get("version").asInt()).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from booking_version")).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from scheduled_tasks where task_name = 'sync-booking'"))
                .isZero();
        assertThat(emails()).hasSize(5);
    }

    @Test
    void changed_booking_is_synced_as_version_two_updating_the_same_records() {
        JsonNode first = submitAndSync(Examples.booking());
        ObjectNode moved = Examples.booking();
        moved.put("start", "2024-05-30T10:30:00");

        TestHttp.Response changed = app.http().post("/api/bookings", moved.toString(), OPERATOR);
        JsonNode second = awaitSyncedWithMailSent(first.get("id").asText());

        assertThat(changed.status()).isEqualTo(200);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.at("/calendar/entry_id").asText())
                .isEqualTo(first.at("/calendar/entry_id").asText());
        assertThat(second.at("/crew/event_id").asText())
                .isEqualTo(first.at("/crew/event_id").asText());
        assertThat(second.at("/guest_page/url").asText())
                .isEqualTo(first.at("/guest_page/url").asText());
        assertThat(TestDatabase.count("select count(*) from calendar_entry")).isEqualTo(1);
        assertThat(TestDatabase.count("select sequence from calendar_entry")).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from crew_link")).isEqualTo(3);
        assertThat(emailsContaining("Subject: Changed: JADA charter now Thu May 30, 10:30 AM"))
                .hasSize(3);
        assertThat(app.http()
                        .get(
                                first.at("/guest_page/url")
                                        .asText()
                                        .substring(app.baseUrl().toString().length()),
                                NOBODY)
                        .body())
                .contains("10:30 AM Pacific Daylight Time");
    }

    @Test
    void crew_answers_are_counted_in_the_booking_status() {
        JsonNode status = submitAndSync(Examples.booking());
        List<Path> invitations = emailsContaining("Subject: Confirm:");

        CrewPages.answer(app.http(), magicToken(invitations.get(0)), "confirm");
        CrewPages.answer(app.http(), magicToken(invitations.get(1)), "decline");
        JsonNode after = app.http()
                .get("/api/bookings/" + status.get("id").asText(), OPERATOR)
                .json();

        assertThat(after.at("/crew/confirmed").asInt()).isEqualTo(1);
        assertThat(after.at("/crew/declined").asInt()).isEqualTo(1);
        assertThat(after.at("/crew/invited").asInt()).isEqualTo(3);
    }

    @Test
    void cancelled_booking_cancels_entry_page_and_crew() {
        JsonNode status = submitAndSync(Examples.booking());
        String id = status.get("id").asText();

        TestHttp.Response cancel = app.http().post("/api/bookings/" + id + "/cancel", null, OPERATOR);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> app.http()
                        .get("/api/bookings/" + id, OPERATOR)
                        .json()
                        .get("state")
                        .asText()
                        .equals("cancelled"));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        emailsContaining("Subject: Cancelled: JADA charter").size() == 3);

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(app.http()
                        .get("/calendar/" + status.at("/calendar/entry_id").asText(), OPERATOR)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("cancelled");
        assertThat(app.http()
                        .get(
                                status.at("/guest_page/url")
                                        .asText()
                                        .substring(app.baseUrl().toString().length()),
                                NOBODY)
                        .body())
                .contains("This charter was cancelled")
                .doesNotContain("Sheraton Marina");
        assertThat(app.http()
                        .get(
                                "/m/"
                                        + magicToken(emailsContaining("Subject: Confirm:")
                                                .getFirst()),
                                NOBODY)
                        .status())
                .isEqualTo(410);
    }

    private static JsonNode submitAndSync(ObjectNode booking) {
        TestHttp.Response created = app.http().post("/api/bookings", booking.toString(), OPERATOR);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        return awaitSyncedWithMailSent(created.json().get("id").asText());
    }

    private static JsonNode awaitSyncedWithMailSent(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = app.http().get("/api/bookings/" + id, OPERATOR).json();
                    return last[0].get("state").asText().equals("synced")
                            && last[0].at("/emails/queued").asInt() == 0;
                });
        return last[0];
    }

    static String magicToken(Path email) {
        Matcher m = Pattern.compile("/m/([A-Za-z0-9_-]{43})").matcher(read(email));
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

    private static List<Path> emailsContaining(String text) {
        return emails().stream().filter(p -> read(p).contains(text)).toList();
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
