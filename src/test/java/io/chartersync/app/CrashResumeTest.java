package io.chartersync.app;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.ChildProcess;
import io.chartersync.testsupport.CrashingServer;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.OrphanPostgres;
import io.chartersync.testsupport.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program in embedded mode as separate processes: killed in the middle of a sync (like kill -9,
 * its PostgreSQL left orphaned), restarted on the same data directory, it finishes the sync with one of
 * everything; and a clean restart keeps the data.
 */
class CrashResumeTest {
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @AfterEach
    void noPostgresLeftRunning() {
        OrphanPostgres.stop(pgDir());
    }

    @Test
    void saga_killed_after_guest_page_finishes_after_restart_with_nothing_doubled_and_survives_a_clean_restart() {
        int port = ChildProcess.freePort();
        String id = submitAndCrashAfter("guest-page", port);

        JsonNode resumed;
        try (ChildProcess second = start(port, null)) {
            TestHttp http = http(second);
            resumed = awaitSynced(http, id);

            assertOneOfEverything(http, resumed);
            assertThat(resumed.get("version").asInt()).isEqualTo(1);
            assertThat(resumed.at("/guest_page/url").asText())
                    .matches("http://localhost:" + port + "/g/may-30-boatsetter-[a-z0-9]{8}/");
            assertThat(second.output()).contains("Stopping PostgreSQL");

            second.stop();
            assertThat(OrphanPostgres.running(pgDir()))
                    .as("PostgreSQL after a clean stop")
                    .isEmpty();
        }

        try (ChildProcess third = start(port, null)) {
            TestHttp http = http(third);
            JsonNode after = http.get("/api/bookings/" + id, OPERATOR).json();

            assertThat(after).isEqualTo(resumed);
            assertOneOfEverything(http, after);
            assertThat(http.get(guestPagePath(after), NOBODY).status()).isEqualTo(200);
            assertThat(third.output()).doesNotContain("Stopping PostgreSQL");
        }
    }

    @Test
    void killed_after_the_guest_page_is_written_but_before_its_commit_republishes_that_page_and_no_other() {
        int port = ChildProcess.freePort();
        String id = submitAndCrashAfter(CrashingServer.GUEST_PAGE_WRITTEN, port);
        List<Path> beforeRestart = files(dataDir.resolve("site").resolve("g"), ".html");
        assertThat(beforeRestart).as("the page written before the kill").hasSize(1);

        try (ChildProcess second = start(port, null)) {
            TestHttp http = http(second);
            JsonNode resumed = awaitSynced(http, id);

            assertOneOfEverything(http, resumed);
            String slug = GuestPages.slug(guestPagePath(resumed));
            assertThat(files(dataDir.resolve("site").resolve("g"), ".html"))
                    .as("exactly one page, the one written before the kill, under the slug the booking shows")
                    .containsExactlyElementsOf(beforeRestart)
                    .singleElement()
                    .satisfies(page -> assertThat(page.getFileName()).hasToString(slug + ".html"));
            assertThat(http.get(guestPagePath(resumed), NOBODY).status()).isEqualTo(200);
            second.stop();
        }
    }

    @Test
    void saga_killed_after_crew_event_sends_each_email_once_after_restart() {
        int port = ChildProcess.freePort();
        String id = submitAndCrashAfter("crew-event", port);

        try (ChildProcess second = start(port, null)) {
            TestHttp http = http(second);
            JsonNode resumed = awaitSynced(http, id);

            assertOneOfEverything(http, resumed);
            assertThat(second.output())
                    .as("the killed program's sync, freed at the start rather than after its heartbeats ran out")
                    .contains("task(s) left running by a program that stopped dead will run again now");
            second.stop();
        }
    }

    /** Loads the roster, submits the example booking and waits for the program to die after {@code step}. */
    private String submitAndCrashAfter(String step, int port) {
        try (ChildProcess first = start(port, step)) {
            TestHttp http = http(first);
            Examples.loadRoster(http);
            TestHttp.Response created = http.post("/api/bookings", Examples.bookingJson(), OPERATOR);
            assertThat(created.status()).as(created.body()).isEqualTo(201);

            assertThat(first.awaitExit(Duration.ofSeconds(30)))
                    .as(first.output())
                    .isEqualTo(CrashingServer.KILLED);
            assertThat(first.output()).containsPattern("CRASHING after (step )?" + Pattern.quote(step) + "(\\s|$)");
            assertThat(OrphanPostgres.running(pgDir()))
                    .as("the killed program's PostgreSQL, still running")
                    .isPresent();
            return created.json().get("id").asText();
        }
    }

    private void assertOneOfEverything(TestHttp http, JsonNode status) {
        String entryId = status.at("/calendar/entry_id").asText();
        assertThat(entryId).isNotBlank();
        assertThat(status.at("/crew/event_id").asText()).isNotBlank();
        assertThat(status.at("/crew/invited").asInt()).isEqualTo(3);
        assertThat(status.at("/emails/sent").asInt())
                .as("3 invitations, the summary, the guest's page")
                .isEqualTo(5);
        assertThat(http.get("/api/bookings", OPERATOR).json().get("bookings")).hasSize(1);

        JsonNode entries = http.get("/calendar?from=2024-05-30&to=2024-05-30", OPERATOR)
                .json()
                .get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("id").asText()).isEqualTo(entryId);
        JsonNode events = http.send(
                        "GET",
                        "/events?from=2024-05-30&to=2024-05-30",
                        null,
                        "application/json",
                        NOBODY,
                        "X-Service-Key",
                        secret("service-key"))
                .json()
                .get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("event_id").asText())
                .isEqualTo(status.at("/crew/event_id").asText());

        List<String> emails = files(dataDir.resolve("mail"), ".eml").stream()
                .map(CrashResumeTest::read)
                .toList();
        assertThat(emails).hasSize(5);
        assertThat(emails)
                .filteredOn(e -> e.contains("Subject: Your JADA charter"))
                .hasSize(1);
        assertThat(emails)
                .filteredOn(e -> e.contains("Subject: Confirm: JADA charter"))
                .hasSize(3);
        assertThat(emails)
                .filteredOn(e -> e.contains("Subject: Captain summary: JADA charter"))
                .hasSize(1);
        assertThat(files(dataDir.resolve("site").resolve("g"), ".html")).hasSize(1);
    }

    private ChildProcess start(int port, String crashAfterStep) {
        Map<String, String> env = new HashMap<>(Map.of("DATA_DIR", dataDir.toString(), "PORT", Integer.toString(port)));
        if (crashAfterStep != null) {
            env.put("CRASH_AFTER_STEP", crashAfterStep);
        }
        ChildProcess child = ChildProcess.start(CrashingServer.class, env);
        try {
            child.awaitLineStartingWith("READY ", START);
            return child;
        } catch (RuntimeException | AssertionError e) {
            child.close();
            throw e;
        }
    }

    private TestHttp http(ChildProcess child) {
        String ready = child.awaitLineStartingWith("READY ", START);
        return TestHttp.to(URI.create(ready.substring("READY ".length())), secret("dashboard-token"));
    }

    private static JsonNode awaitSynced(TestHttp http, String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .alias("booking " + id + " synced with every email sent")
                .until(() -> {
                    last[0] = http.get("/api/bookings/" + id, OPERATOR).json();
                    return last[0].get("state").asText().equals("synced")
                            && last[0].at("/emails/queued").asInt() == 0;
                });
        return last[0];
    }

    private static String guestPagePath(JsonNode status) {
        return URI.create(status.at("/guest_page/url").asText()).getPath();
    }

    private String secret(String file) {
        return read(dataDir.resolve("secrets").resolve(file)).strip();
    }

    private Path pgDir() {
        return dataDir.resolve("pg");
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
