package io.chartersync.app;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static io.chartersync.testsupport.TestHttp.As.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.LinkTokens;
import io.chartersync.testsupport.Canaries;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.LogCapture;
import io.chartersync.testsupport.Photos;
import io.chartersync.testsupport.RefusingSmtpServer;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Log canary: a booking carries a unique revenue figure, notes, guest contacts and a crew member's address;
 * then PostgreSQL refuses every write (a trigger on every table that fails quoting the whole row, as a
 * unique or check violation does in its detail), on every write path: intake (create, update, cancel),
 * crew, boats, calendar, events, a crew answer, photo uploads, each sync step and mail delivery, and the
 * SMTP server refuses that crew member quoting the address. Nothing of it, nor any token or key, may
 * appear in a log line, an exception message or stack trace, or the metrics.
 */
class LogCanaryTest {
    private static final String REVENUE = "8675309.17";
    private static final String INTERNAL_NOTE = "Internal canary IQ4ZT: payout by wire";
    private static final String CREW_NOTE = "Crew canary CW8RD: cake in the cooler";
    private static final String GUEST_NOTE = "Guest canary GN5PX: dock B";
    private static final String GUEST_EMAIL = "guest.canary.ge7mk@example.org";
    private static final String GUEST_PHONE = "+1-619-555-7731";
    private static final String CREW_EMAIL = "crew.canary.cm3vb@example.org";
    private static final String CREW_PHONE = "+1-858-555-9046";
    private static final String GUEST_NAME = "Canary Guestname Q3LT";
    private static final String FEED_TOKEN = "feed-canary-token-0123456789abcdefghijklmnopq";
    /** What must never be logged; the revenue also as other locales print it. */
    private static final List<String> SECRETS = Stream.concat(
                    Canaries.printedForms(8675309).stream(),
                    Stream.of(
                            "IQ4ZT",
                            "CW8RD",
                            "GN5PX",
                            "ge7mk",
                            "555-7731",
                            "5557731",
                            "cm3vb",
                            "555-9046",
                            "Q3LT",
                            FEED_TOKEN,
                            TestApp.OPERATOR_TOKEN,
                            TestApp.SERVICE_KEY,
                            TestApp.LINK_KEY))
            .toList();
    /**
     * The tables whose writes a sync step makes, by step; a failure in one is repaired for the whole step.
     * The captain's summary is refused by a trigger of its own ({@code captain_summary} in the message).
     */
    private static final Map<String, List<String>> STEP_TABLES = Map.of(
            "calendar", List.of("calendar_entry", "calendar_crew"),
            "guest-page", List.of("guest_page", "guest_photo"),
            "crew-event", List.of("crew_event", "crew_link", "crew_member", "feed_token", "mail_outbox"),
            "captain-summary", List.of("captain_summary"));
    /**
     * What intake (which registers a boat seen first in {@code boat_profile}) and the saga's bookkeeping write:
     * repaired so a sync can start and record its failures.
     */
    private static final List<String> INTAKE_TABLES =
            List.of("booking", "booking_version", "boat_profile", "audit_log", "sync_run", "sync_step");

    private static final RefusingSmtpServer smtp =
            RefusingSmtpServer.start(Map.of(CREW_EMAIL, "550 5.1.1 <" + CREW_EMAIL + ">: Recipient address rejected"));

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster().withEnvironment(Map.of("SMTP_URL", smtp.url()));

    private final LogCapture logs = LogCapture.start();
    private final Map<String, Integer> answers = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>(SECRETS);

    @AfterEach
    void repairTheDatabase() {
        logs.close();
        TestDatabase.execute(
                "do $$ declare t text; begin for t in select tablename from pg_tables where schemaname = 'public' loop"
                        + " execute format('drop trigger if exists canary_fail on %I', t);"
                        + " execute format('drop trigger if exists canary_fail_summary on %I', t); end loop; end $$");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @Test
    void no_log_line_exception_or_metric_carries_a_secret_when_every_write_path_fails() throws Exception {
        TestHttp http = app.http();
        assertThat(http.put("/api/crew/crew-2", crewMember(), OPERATOR).status())
                .isIn(200, 201);
        JsonNode synced = app.bookings().submitAndSync(canaryBooking(5), 1);
        String id = synced.get("id").asText();
        String guestPage = GuestPages.path(app, synced);
        String slug = GuestPages.slug(guestPage);
        String uploadToken = GuestPages.uploadToken(http.get(guestPage, NOBODY).body());
        secrets.add(uploadToken);
        LinkTokens linkTokens = new LinkTokens(TestApp.LINK_KEY.getBytes(StandardCharsets.UTF_8));
        List<String> magicTokens = TestDatabase.strings("select id::text from crew_link").stream()
                .map(link -> linkTokens.tokenFor(UUID.fromString(link)))
                .toList();
        secrets.addAll(magicTokens);
        byte[] photo = Photos.jpeg(64, 48, true);
        JsonNode presigned = http.post("/g/presign", presign(slug, uploadToken, photo.length), NOBODY)
                .json();
        Photos.upload("PUT", presigned.get("url").asText(), headers(presigned), photo);

        breakEveryTable();
        ObjectNode changed = canaryBooking(5).put("duration_hours", 4);
        String entry = "/calendar/" + synced.at("/calendar/entry_id").asText();
        String event = "/events/" + synced.at("/crew/event_id").asText();
        answer("booking create", http.post("/api/bookings", canaryBooking(6).toString(), OPERATOR));
        answer("booking update", http.post("/api/bookings", changed.toString(), OPERATOR));
        answer("booking cancel", http.post("/api/bookings/" + id + "/cancel", null, OPERATOR));
        answer("crew put", http.put("/api/crew/crew-9", crewMember(), OPERATOR));
        answer("boat put", http.put("/api/boats/JADA", "{\"what_to_bring\": [\"" + CREW_NOTE + "\"]}", OPERATOR));
        answer("calendar post", http.post("/calendar", calendarEntry(), OPERATOR));
        answer("calendar put", http.put(entry, calendarEntry(), OPERATOR));
        answer("calendar delete", http.send("DELETE", entry, null, "application/json", OPERATOR));
        answer("event post", http.post("/events", crewEvent(), SERVICE));
        answer("event put", http.put(event, crewEvent(), SERVICE));
        answer("event cancel", http.post(event + "/cancel", null, SERVICE));
        answer("magic link respond", CrewPages.answer(http, magicTokens.getFirst(), "confirm"));
        answer("photo presign", http.post("/g/presign", presign(slug, uploadToken, photo.length), NOBODY));
        // Accepted (202): the photo's ingest is a durable task, which then fails on the database.
        http.post(
                app.bookings().pathOf(presigned.get("complete_url").asText()),
                "{\"upload_token\": \"" + uploadToken + "\"}",
                NOBODY);
        http.get("/calendar.ics?token=" + FEED_TOKEN, NOBODY);

        Set<String> failedSteps = syncWhileEveryStepFailsOnce();
        awaitMailDeliveryFailure();

        assertThat(answers)
                .as("every write refused by the database")
                .allSatisfy((path, status) -> assertThat(status).as(path).isGreaterThanOrEqualTo(500));
        assertThat(failedSteps).containsExactly("calendar", "guest-page", "crew-event", "captain-summary");
        String logged = logs.text();
        assertThat(logged).as("the failures are logged").contains("forced failure in booking");
        assertThat(logged).as("the SMTP refusal is logged").contains("refused for good");
        assertThat(logged).as("the photo ingest failed").contains("task with name 'ingest-photo'");
        String metrics = http.get("/metrics", NOBODY).body();
        for (String secret : secrets) {
            assertThat(logged).as("the log").doesNotContain(secret);
            assertThat(metrics).as("/metrics").doesNotContain(secret);
        }
    }

    /**
     * Submits another canary booking with intake repaired, then lets its sync fail on each step in turn:
     * each time the sync's error names a broken table, that step's tables are repaired and the retry gets
     * one step further (at once: the operator's retry moves the backoff's next attempt to now). Once the crew event is through, the outbox refuses the captain's summary, and
     * updates: deliveries fail after the SMTP server took the mail.
     */
    private Set<String> syncWhileEveryStepFailsOnce() {
        repair(INTAKE_TABLES);
        String id = app.bookings().submit(canaryBooking(8));
        Set<String> failedSteps = new LinkedHashSet<>();
        Pattern failure = Pattern.compile("forced failure in (\\w+)");
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .alias("booking " + id + " synced after each step failed once")
                .until(() -> {
                    for (String error : TestDatabase.strings(
                            "select coalesce(error, '') from sync_run where booking_id = '" + id + "'")) {
                        Matcher m = failure.matcher(error);
                        while (m.find()) {
                            String table = m.group(1);
                            STEP_TABLES.forEach((step, tables) -> {
                                if (tables.contains(table) && failedSteps.add(step)) {
                                    repairStep(step, tables);
                                    // The operator's retry: the backoff (2 s, then 4, 8...) would only add time.
                                    app.http().post("/api/bookings/" + id + "/retry", null, OPERATOR);
                                }
                            });
                        }
                    }
                    return app.bookings().status(id).get("state").asText().equals("synced");
                });
        return failedSteps;
    }

    private void awaitMailDeliveryFailure() {
        await().atMost(Duration.ofSeconds(30))
                .alias("a delivery failed on the broken outbox")
                .until(() -> logs.text().contains("forced failure in mail_outbox"));
    }

    private void answer(String what, TestHttp.Response response) {
        answers.put(what, response.status());
    }

    /**
     * Every write to every table fails, quoting the whole row in its detail and hint. The failure is a
     * transient one (55P03, lock not available), so the sync retries each step as it would a real outage.
     */
    private static void breakEveryTable() {
        TestDatabase.execute("""
            create or replace function canary_fail() returns trigger language plpgsql as $$
            declare row_text text := case when tg_op = 'DELETE' then old::text else new::text end;
            begin
              raise exception 'forced failure in %', tg_table_name
                using errcode = '55P03', detail = row_text, hint = row_text;
            end $$""");
        for (String table : TestDatabase.strings("select tablename from pg_tables where schemaname = 'public'"
                + " and tablename not in ('scheduled_tasks', 'flyway_schema_history')")) {
            TestDatabase.execute("create trigger canary_fail before insert or update or delete on " + table
                    + " for each row execute function canary_fail()");
        }
    }

    private static void repairStep(String step, List<String> tables) {
        switch (step) {
            case "crew-event" -> {
                repair(tables);
                breakUpdates("mail_outbox");
                TestDatabase.execute(
                        """
                    create or replace function canary_fail_summary() returns trigger language plpgsql as $$
                    begin
                      raise exception 'forced failure in captain_summary'
                        using errcode = '55P03', detail = new::text, hint = new::text;
                    end $$""",
                        "create trigger canary_fail_summary before insert on mail_outbox for each row"
                                + " when (new.subject like 'Captain summary%') execute function canary_fail_summary()");
            }
            case "captain-summary" -> TestDatabase.execute("drop trigger canary_fail_summary on mail_outbox");
            default -> repair(tables);
        }
    }

    private static void repair(List<String> tables) {
        tables.forEach(t -> TestDatabase.execute("drop trigger if exists canary_fail on " + t));
    }

    private static void breakUpdates(String table) {
        TestDatabase.execute("create trigger canary_fail before update on " + table
                + " for each row execute function canary_fail()");
    }

    private static ObjectNode canaryBooking(int daysAhead) {
        ObjectNode booking = Examples.futureBooking(daysAhead);
        booking.withObjectProperty("revenue").put("amount", REVENUE);
        booking.withObjectProperty("notes")
                .put("internal", INTERNAL_NOTE)
                .put("crew", CREW_NOTE)
                .put("guest", GUEST_NOTE);
        booking.withObjectProperty("guest")
                .put("name", GUEST_NAME)
                .put("email", GUEST_EMAIL)
                .put("phone", GUEST_PHONE);
        return booking;
    }

    private static String crewMember() {
        return "{\"name\": \"Jordan Canary\", \"email\": \"" + CREW_EMAIL + "\", \"phone\": \"" + CREW_PHONE
                + "\", \"roles\": [\"crew\"]}";
    }

    private static String calendarEntry() {
        ObjectNode entry = Examples.calendarEntry();
        entry.put("date", day(12).toString());
        entry.put("guest_name", GUEST_NAME);
        return entry.toString();
    }

    private static String crewEvent() {
        ObjectNode event = Examples.crewEvent();
        event.put("date", day(12) + "T16:00:00Z");
        event.put("notes", CREW_NOTE);
        return event.toString();
    }

    private static LocalDate day(int daysAhead) {
        return LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(daysAhead);
    }

    private static String presign(String slug, String token, long size) {
        return "{\"slug\": \"" + slug + "\", \"upload_token\": \"" + token
                + "\", \"content_type\": \"image/jpeg\", \"size\": " + size + "}";
    }

    private static Map<String, String> headers(JsonNode presigned) {
        Map<String, String> headers = new HashMap<>();
        presigned
                .get("headers")
                .properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }
}
