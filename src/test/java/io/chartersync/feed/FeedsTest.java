package io.chartersync.feed;

import static io.chartersync.testsupport.ConsoleClient.form;
import static io.chartersync.testsupport.FeedServer.allDay;
import static io.chartersync.testsupport.FeedServer.calendar;
import static io.chartersync.testsupport.FeedServer.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.Cli;
import io.chartersync.testsupport.ConsoleClient;
import io.chartersync.testsupport.FeedServer;
import io.chartersync.testsupport.LogCapture;
import io.chartersync.testsupport.ProblemAssert;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.StandardInput;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestHttp;
import io.chartersync.testsupport.TestHttp.As;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Marketplace feeds end to end: a real HTTP server serves a calendar the test changes between polls, polled
 * through {@code POST /api/feeds/{id}/poll} (and once by the scheduled task alone), reconciled into bookings
 * that sync like any other, calendar blocks and attention items; the console's Feeds page and fixes.
 */
class FeedsTest {
    static final String SECRET = "s3cr3t-token-Q7Z";
    static final String OWNER = "owner@charters.example.com";
    static final String DISPATCHER = "desk@charters.example.com";
    static final String PASSWORD = "a sea-worthy password";
    static final ZoneId MARINA = ZoneId.of("America/Los_Angeles");

    @RegisterExtension
    static final RunningApp app =
            new RunningApp().withRoster().withEnvironment(Map.of("FEED_ALLOW_PRIVATE_ADDRESSES", "true"));

    static FeedServer server;

    @BeforeAll
    static void marketplace() {
        server = new FeedServer();
    }

    @AfterAll
    static void close() {
        server.close();
    }

    private static TestHttp http() {
        return app.http();
    }

    private static String path(String name) {
        return "/calendar/" + SECRET + "/" + name + ".ics";
    }

    /** Adds a feed of {@code name}'s path and waits for its first poll (the scheduled one, at once). */
    private static JsonNode addFeed(String name, boolean autoCancel) {
        TestHttp.Response added = http().post(
                        "/api/feeds",
                        "{\"source\": \"boatsetter\", \"url\": \"" + server.url(path(name))
                                + "\", \"boat\": \" jada \"," + " \"interval_minutes\": 15, \"auto_cancel\": "
                                + autoCancel + "}",
                        As.OPERATOR);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().get("id").asText();
        assertThat(added.header("Location")).hasValue("/api/feeds/" + id);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !feed(id).path("last_polled_at").isNull());
        return added.json();
    }

    private static JsonNode feed(String id) {
        return http().get("/api/feeds/" + id, As.OPERATOR).json();
    }

    private static JsonNode poll(String id) {
        TestHttp.Response polled = http().post("/api/feeds/" + id + "/poll", "", As.OPERATOR);
        assertThat(polled.status()).as(polled.body()).isEqualTo(200);
        System.out.println("feed document after a poll: " + polled.body());
        return polled.json();
    }

    private static TestHttp.Response byExternal(String uid) {
        return http().get("/api/bookings/by-external/boatsetter/" + uid, As.OPERATOR);
    }

    private static List<String> kinds(JsonNode status) {
        return status.get("attention").findValuesAsText("kind");
    }

    private static JsonNode settled(String uid, int version) {
        return app.bookings().awaitSettled(byExternal(uid).json().get("id").asText(), version);
    }

    /** The calendar's block entries of JADA around {@code day}. */
    private static List<JsonNode> blocks(LocalDate day) {
        JsonNode entries = http().get("/calendar?from=" + day.minusDays(1) + "&to=" + day.plusDays(1), As.OPERATOR)
                .json()
                .get("entries");
        List<JsonNode> blocks = new ArrayList<>();
        entries.forEach(e -> {
            if (e.get("event_type").asText().equals("block")
                    && e.get("boat").asText().equals("jada")) {
                blocks.add(e);
            }
        });
        return blocks;
    }

    private static ConsoleClient signedIn(String email, String role) {
        Map<String, String> env = new HashMap<>(TestApp.environment(app.dataDir()));
        env.put("PUBLIC_BASE_URL", app.baseUrl().toString());
        Cli.Run run = StandardInput.with(
                PASSWORD + "\n", () -> Cli.run(env, "users", "add", email, "--role", role, "--password-stdin"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        ConsoleClient client = new ConsoleClient(app.baseUrl());
        client.signIn(email, PASSWORD);
        return client;
    }

    @Test
    void a_feed_books_moves_flags_and_blocks_and_the_operator_keeps_or_cancels_with_one_click() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(3, ChronoUnit.DAYS);
        Instant dayOff = start.plus(7, ChronoUnit.DAYS);
        String a = event("bs-1001", start, 4, "Reserved - Jane Smith");
        String b = event("bs-1002", start.plus(1, ChronoUnit.DAYS), 3, "Reserved");
        String past = event("bs-0999", start.minus(10, ChronoUnit.DAYS), 3, "Reserved - Old Timer");
        String block = allDay("bs-block-1", dayOff, 2);
        server.serve(path("main"), calendar(a, b, past, block));
        try (LogCapture log = LogCapture.start()) {
            JsonNode created = addFeed("main", false);
            String id = created.get("id").asText();
            assertThat(created.get("url").asText()).isEqualTo(server.url("") + "/…");
            assertThat(created.get("boat").asText()).isEqualTo("jada");
            assertThat(created.get("interval_minutes").asInt()).isEqualTo(15);
            assertThat(created.get("auto_cancel").asBoolean()).isFalse();

            JsonNode polled = poll(id);

            assertThat(polled.get("events").asInt())
                    .as("two timed and one all-day event ahead")
                    .isEqualTo(3);
            assertThat(polled.get("last_error").isNull()).isTrue();
            assertThat(polled.get("last_ok_at").isNull()).isFalse();
            assertThat(polled.get("consecutive_failures").asInt()).isZero();
            JsonNode jane = settled("bs-1001", 1);
            assertThat(jane.at("/booking/guest/name").asText()).isEqualTo("Jane Smith");
            assertThat(jane.at("/booking/boat").asText()).isEqualTo("jada");
            assertThat(jane.at("/booking/time_zone").asText()).isEqualTo(MARINA.getId());
            assertThat(jane.at("/booking/duration_hours").asInt()).isEqualTo(4);
            assertThat(jane.at("/calendar/entry_id").asText())
                    .as("the boat is blocked at once")
                    .isNotBlank();
            assertThat(kinds(jane)).containsExactly("no_crew");
            assertThat(settled("bs-1002", 1).at("/booking/guest/name").asText()).isEqualTo("Guest (from Boatsetter)");
            assertThat(byExternal("bs-0999").status())
                    .as("an event that ended is ignored")
                    .isEqualTo(404);
            LocalDate offDay = dayOff.atZone(ZoneOffset.UTC).toLocalDate();
            assertThat(blocks(offDay))
                    .singleElement()
                    .satisfies(e -> assertThat(e.get("status").asText()).isEqualTo("active"));
            assertThat(byExternal("bs-block-1").status())
                    .as("an all-day event is no booking")
                    .isEqualTo(404);

            // The operator adds a captain; the feed then moves the charter: the crew stays.
            String janeId = jane.get("id").asText();
            TestHttp.Response crewed = http().send(
                            "PATCH",
                            "/api/bookings/" + janeId,
                            "{\"crew_assignments\": [{\"role\": \"captain\", \"count\": 1, \"hourly_rate\": 40, \"members\":"
                                    + " [\"captain-1\"]}], \"guest\": {\"name\": \"Jane Smith-Ortiz\"}}",
                            "application/merge-patch+json",
                            As.OPERATOR);
            assertThat(crewed.status()).as(crewed.body()).isEqualTo(200);
            app.bookings().awaitSettled(janeId, 2);
            poll(id);
            assertThat(app.bookings().status(janeId).get("version").asInt())
                    .as("an unchanged event makes no version")
                    .isEqualTo(2);
            Instant moved = start.plus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS);
            // The feed moves Jane's charter and renames both guests: the operator's name for Jane stays.
            server.serve(
                    path("main"),
                    calendar(
                            event("bs-1001", moved, 4, "Reserved - Janet Smith"),
                            event("bs-1002", start.plus(1, ChronoUnit.DAYS), 3, "Reserved - Kim Lee"),
                            block));
            poll(id);
            assertThat(settled("bs-1002", 2).at("/booking/guest/name").asText()).isEqualTo("Kim Lee");
            JsonNode janeMoved = app.bookings().awaitSettled(janeId, 3);
            assertThat(janeMoved.at("/booking/start").asText())
                    .startsWith(
                            moved.atZone(MARINA).toLocalDateTime().toString().substring(0, 16));
            assertThat(janeMoved.at("/booking/crew_assignments/0/members/0").asText())
                    .isEqualTo("captain-1");
            assertThat(kinds(janeMoved)).doesNotContain("no_crew", "vanished_from_feed");
            assertThat(janeMoved.at("/booking/guest/name").asText()).isEqualTo("Jane Smith-Ortiz");

            // bs-1002 vanishes, Jane's turns cancelled, the block goes.
            server.serve(path("main"), calendar(event("bs-1001", moved, 4, "Reserved - Jane Smith", "CANCELLED")));
            poll(id);
            String guestId = byExternal("bs-1002").json().get("id").asText();
            JsonNode vanished = app.bookings().status(guestId);
            assertThat(kinds(vanished)).contains("vanished_from_feed");
            assertThat(vanished.toString()).contains("The Boatsetter feed for jada no longer lists this charter");
            assertThat(app.bookings().status(guestId).get("version").asInt())
                    .as("flagged, not cancelled")
                    .isEqualTo(2);
            assertThat(kinds(app.bookings().status(janeId))).contains("vanished_from_feed");
            assertThat(app.bookings().status(janeId).toString()).contains("lists this charter as cancelled");
            assertThat(blocks(offDay))
                    .singleElement()
                    .satisfies(e -> assertThat(e.get("status").asText()).isEqualTo("cancelled"));

            // Needs attention: one click keeps one, one click cancels the other.
            ConsoleClient owner = signedIn(OWNER, "owner");
            String attention = owner.get("/attention").body();
            assertThat(attention)
                    .contains("Gone from its feed:", "Cancel the booking", "Keep it")
                    .contains(
                            "action=\"/bookings/" + guestId + "/keep\"", "action=\"/bookings/" + janeId + "/cancel\"");
            ConsoleClient.Page kept =
                    owner.post("/bookings/" + guestId + "/keep", form("csrf", owner.csrf(), "back", "/attention"));
            assertThat(kept.status()).isEqualTo(303);
            assertThat(kept.header("Location")).hasValue("/attention?done=kept");
            assertThat(kinds(app.bookings().status(guestId))).doesNotContain("vanished_from_feed");
            assertThat(owner.post("/bookings/" + guestId + "/keep", form("csrf", owner.csrf()))
                            .status())
                    .as("nothing to keep any more")
                    .isEqualTo(409);
            owner.get("/attention");
            assertThat(owner.post("/bookings/" + janeId + "/cancel", form("csrf", owner.csrf()))
                            .status())
                    .isEqualTo(303);
            app.bookings().awaitSettled(janeId, 4);
            assertThat(app.bookings().status(janeId).get("state").asText()).isEqualTo("cancelled");
            poll(id);
            assertThat(kinds(app.bookings().status(guestId)))
                    .as("kept while the feed leaves it out")
                    .doesNotContain("vanished_from_feed");

            // It comes back (the flag's keep ends), and vanishes again: flagged again.
            server.serve(path("main"), calendar(b));
            poll(id);
            assertThat(kinds(app.bookings().status(guestId))).doesNotContain("vanished_from_feed");
            server.serve(path("main"), calendar(event("bs-2000", start.plus(20, ChronoUnit.DAYS), 2, "Reserved")));
            poll(id);
            assertThat(kinds(app.bookings().status(guestId))).contains("vanished_from_feed");

            // The URL is a secret: never in the API, the console or the log.
            assertThat(http().get("/api/feeds", As.OPERATOR).body())
                    .contains(id)
                    .doesNotContain(SECRET);
            String feedsPage = owner.get("/feeds").body();
            assertThat(feedsPage)
                    .contains("Boatsetter · jada", "Poll now", "Add a feed")
                    .doesNotContain(SECRET);
            ConsoleClient.Page refused = owner.post(
                    "/feeds",
                    form(
                            "csrf",
                            owner.csrf(),
                            "source",
                            "Boat Setter",
                            "url",
                            "ftp://x.example/a.ics",
                            "boat",
                            "",
                            "interval_minutes",
                            "3"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("Please check what you entered", "field-error")
                    .contains("Marketplace: ", "Calendar link: ", "Boat: ", "Poll every (minutes): ");
            ConsoleClient.Page twice = owner.post(
                    "/feeds",
                    form(
                            "csrf",
                            owner.csrf(),
                            "source",
                            "boatsetter",
                            "url",
                            server.url(path("main")),
                            "boat",
                            "JADA",
                            "interval_minutes",
                            "15"));
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.body()).contains("is added already").doesNotContain(SECRET);
            assertThat(log.text()).contains("feed " + id).doesNotContain(SECRET);
        }
    }

    @Test
    void auto_cancel_cancels_a_booking_its_feed_drops() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(5, ChronoUnit.DAYS);
        server.serve(path("auto"), calendar(event("bs-3001", start, 2, "Reserved")));
        String id = addFeed("auto", true).get("id").asText();
        poll(id);
        String booking = settled("bs-3001", 1).get("id").asText();

        server.serve(path("auto"), calendar(event("bs-3002", start.plus(1, ChronoUnit.DAYS), 2, "Reserved")));
        poll(id);

        JsonNode cancelled = app.bookings().awaitSettled(booking, 2);
        assertThat(cancelled.get("state").asText()).isEqualTo("cancelled");
        assertThat(kinds(cancelled)).doesNotContain("vanished_from_feed");
    }

    @Test
    void a_failed_poll_changes_nothing_and_three_in_a_row_need_attention_and_a_304_is_a_good_poll() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(4, ChronoUnit.DAYS);
        String good = calendar(event("bs-4001", start, 3, "Reserved - Ana Lima"));
        server.serve(path("flaky"), good, "\"v1\"");
        String id = addFeed("flaky", false).get("id").asText();
        JsonNode first = poll(id);
        String booking = settled("bs-4001", 1).get("id").asText();
        assertThat(server.notModified(path("flaky")))
                .as("the second poll sent the ETag back")
                .isEqualTo(1);
        assertThat(first.get("events").asInt()).isEqualTo(1);
        ConsoleClient dispatcher = signedIn(DISPATCHER, "dispatcher");

        server.serve(path("flaky"), "<html>Sign in to Boatsetter</html>");
        JsonNode broken = poll(id);
        server.fail(path("flaky"), 500);
        JsonNode error = poll(id);
        assertThat(dispatcher.get("/attention").body()).doesNotContain("Feed failing");
        server.serve(path("flaky"), calendar());
        JsonNode empty = poll(id);

        assertThat(broken.get("last_error").asText()).isNotBlank();
        assertThat(error.get("last_error").asText()).contains("500");
        assertThat(empty.get("last_error").asText())
                .isEqualTo("the feed is empty although it listed 1 events before: a broken export?");
        assertThat(empty.get("consecutive_failures").asInt()).isEqualTo(3);
        assertThat(empty.get("events").asInt())
                .as("as the last good poll found")
                .isEqualTo(1);
        JsonNode status = app.bookings().status(booking);
        assertThat(status.get("version").asInt()).isEqualTo(1);
        assertThat(kinds(status)).doesNotContain("vanished_from_feed");
        String attention = dispatcher.get("/attention").body();
        assertThat(attention)
                .contains(
                        "Feed failing:", "The Boatsetter feed for jada has failed 3 times in a row: the feed is empty")
                .contains("action=\"/feeds/" + id + "/poll\"", "href=\"/feeds\"");
        assertThat(dispatcher.get("/feeds").body())
                .as("a dispatcher polls, an owner adds and deletes")
                .contains("Poll now", "Last poll failed")
                .doesNotContain("Add a feed", "/delete\"");
        assertThat(dispatcher
                        .post("/feeds/" + id + "/delete", form("csrf", dispatcher.csrf()))
                        .status())
                .isEqualTo(403);
        assertThat(dispatcher
                        .post(
                                "/feeds",
                                form(
                                        "csrf",
                                        dispatcher.csrf(),
                                        "source",
                                        "getmyboat",
                                        "url",
                                        "https://x.example/c.ics"))
                        .status())
                .isEqualTo(403);
        assertThat(feed(id).get("id").asText()).isEqualTo(id);

        server.serve(path("flaky"), good, "\"v1\"");
        ConsoleClient.Page pollNow =
                dispatcher.post("/feeds/" + id + "/poll", form("csrf", dispatcher.csrf(), "back", "/attention"));
        assertThat(pollNow.status()).isEqualTo(303);
        assertThat(pollNow.header("Location")).hasValue("/attention?done=polled");
        JsonNode recovered = feed(id);
        assertThat(recovered.get("last_error").isNull()).isTrue();
        assertThat(recovered.get("consecutive_failures").asInt()).isZero();
        assertThat(dispatcher.get("/attention").body()).doesNotContain("Feed failing");
        int notModifiedBefore = server.notModified(path("flaky"));
        JsonNode again = poll(id);
        assertThat(server.notModified(path("flaky"))).as("304: not modified").isEqualTo(notModifiedBefore + 1);
        assertThat(again.get("last_ok_at").asText())
                .isNotEqualTo(recovered.get("last_ok_at").asText());
        assertThat(app.bookings().status(booking).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void bad_input_is_a_400_naming_the_field_the_same_feed_twice_a_409_and_delete_stops_the_polls() {
        TestHttp.Response bad = http().post(
                        "/api/feeds",
                        "{\"source\": \"Boat Setter\", \"url\": \"ftp://x.example/a.ics\", \"boat\": \"\","
                                + " \"interval_minutes\": 2, \"auto_cancel\": \"yes\", \"colour\": 1}",
                        As.OPERATOR);
        for (String field : List.of("source", "url", "boat", "interval_minutes", "auto_cancel", "colour")) {
            ProblemAssert.assertInvalidField(bad, field);
        }
        assertThat(http().post("/api/feeds", "{}", As.NOBODY).status()).isEqualTo(401);
        assertThat(http().get("/api/feeds", As.OPERATOR).json().get("feeds")).isEmpty();

        server.serve(path("kept"), calendar());
        server.serve(path("deleted"), calendar());
        String kept = addFeed("kept", false).get("id").asText();
        String deleted = addFeed("deleted", false).get("id").asText();
        TestHttp.Response twice = http().post(
                        "/api/feeds",
                        "{\"source\": \"boatsetter\", \"url\": \"" + server.url(path("kept")) + "\", \"boat\": \"X\"}",
                        As.OPERATOR);
        assertThat(twice.status()).isEqualTo(409);

        assertThat(http().send("DELETE", "/api/feeds/" + deleted, null, null, As.OPERATOR)
                        .status())
                .isEqualTo(204);
        assertThat(http().get("/api/feeds/" + deleted, As.OPERATOR).status()).isEqualTo(404);
        assertThat(http().post("/api/feeds/" + deleted + "/poll", "", As.OPERATOR)
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/feeds", As.OPERATOR).json().get("feeds").findValuesAsText("id"))
                .containsExactly(kept);

        // The scheduled poll runs by itself an interval later, for the feed that is left only.
        int keptBefore = server.requests(path("kept"));
        int deletedBefore = server.requests(path("deleted"));
        app.clock().advance(Duration.ofMinutes(16));
        await().atMost(Duration.ofSeconds(20)).until(() -> server.requests(path("kept")) > keptBefore);
        assertThat(server.requests(path("deleted"))).isEqualTo(deletedBefore);
    }
}
