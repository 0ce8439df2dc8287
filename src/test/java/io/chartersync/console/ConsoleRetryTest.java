package io.chartersync.console;

import static io.chartersync.testsupport.ConsoleClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.app.Hooks;
import io.chartersync.testsupport.Bookings;
import io.chartersync.testsupport.ConsoleClient;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RefusingSmtpServer;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import io.chartersync.workflow.SyncStep;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retry a failed sync (console and operator API) and resend a failed email, on a program whose sync fails
 * once on demand and whose SMTP server refuses one crew member until told otherwise.
 */
class ConsoleRetryTest {
    private static final String REFUSED = "crew-2@crew.example.com";
    private static final Pattern EMAIL_FIELD = Pattern.compile("name=\"email\" value=\"([0-9a-f-]{36})\"");
    private static final AtomicReference<RuntimeException> failAfterCalendar = new AtomicReference<>();
    private static RefusingSmtpServer smtp;
    private static TestApp app;
    private static Bookings bookings;
    private ConsoleClient dispatcher;

    @BeforeAll
    static void start() {
        TestDatabase.reset();
        smtp = RefusingSmtpServer.start(REFUSED, "550 5.1.1 mailbox unavailable");
        Consumer<SyncStep> afterStep = step -> {
            RuntimeException failure = step == SyncStep.CALENDAR ? failAfterCalendar.getAndSet(null) : null;
            if (failure != null) {
                throw failure;
            }
        };
        app = TestApp.start(Map.of("SMTP_URL", smtp.url()), new Hooks(afterStep, () -> {}));
        bookings = new Bookings(app);
    }

    @AfterAll
    static void stop() {
        app.close();
        smtp.close();
    }

    @BeforeEach
    void a_dispatcher_and_the_roster() {
        failAfterCalendar.set(null);
        TestDatabase.reset();
        Examples.loadRoster(app.http());
        ConsoleUsers.run(
                app,
                ConsoleFixesTest.PASSWORD,
                "add",
                ConsoleFixesTest.DISPATCHER,
                "--role",
                "dispatcher",
                "--password-stdin");
        dispatcher = new ConsoleClient(app.baseUrl());
        dispatcher.signIn(ConsoleFixesTest.DISPATCHER, ConsoleFixesTest.PASSWORD);
        dispatcher.get("/");
    }

    @Test
    void retry_runs_a_failed_sync_again_from_where_it_stopped_and_refuses_when_nothing_is_left() {
        failAfterCalendar.set(new NullPointerException("a bug between steps"));
        String id = bookings.submit(Examples.futureBooking(5));
        awaitState(id, "failed");
        String calendarEntry = bookings.status(id).at("/calendar/entry_id").asText();
        String attention = dispatcher.get("/attention").body();
        assertThat(attention).contains("Sync failed:", "a bug between steps", "action=\"/bookings/" + id + "/retry\"");

        ConsoleClient.Page done =
                dispatcher.post("/bookings/" + id + "/retry", form("csrf", dispatcher.csrf(), "back", "/attention"));

        assertThat(done.status()).as(done.body()).isEqualTo(303);
        assertThat(done.header("Location")).hasValue("/attention?done=retry");
        JsonNode synced = awaitState(id, "synced");
        assertThat(synced.at("/calendar/entry_id").asText())
                .as("the calendar step is not redone")
                .isEqualTo(calendarEntry);
        assertThat(synced.get("attention").findValuesAsText("kind")).doesNotContain("sync_failed");
        ConsoleClient.Page again = dispatcher.post("/bookings/" + id + "/retry", form("csrf", dispatcher.csrf()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Nothing to retry", "it is synced", "Nothing was changed");
    }

    @Test
    void the_operator_api_retries_a_failed_sync_with_202_and_answers_409_when_there_is_nothing_to_retry() {
        failAfterCalendar.set(new NullPointerException("a bug between steps"));
        String id = bookings.submit(Examples.futureBooking(6));
        awaitState(id, "failed");
        String path = "/api/bookings/" + id + "/retry";
        assertThat(app.http().post(path, "", TestHttp.As.NOBODY).status()).isEqualTo(401);

        TestHttp.Response retried = app.http().post(path, "", TestHttp.As.OPERATOR);

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().get("id").asText()).isEqualTo(id);
        assertThat(retried.json().get("state").asText()).isIn("pending", "syncing", "synced");
        awaitState(id, "synced");
        TestHttp.Response nothing = app.http().post(path, "", TestHttp.As.OPERATOR);
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.contentType()).startsWith("application/problem+json");
        assertThat(nothing.json().get("detail").asText()).contains("it is synced");
        assertThat(app.http()
                        .post("/api/bookings/" + UUID.randomUUID() + "/retry", "", TestHttp.As.OPERATOR)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void resend_email_queues_a_failed_email_again_and_it_stops_needing_attention_once_delivered() {
        String id = bookings.submit(Examples.futureBooking(5));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> bookings.status(id).at("/emails/failed").asInt() == 1);
        String attention = dispatcher.get("/attention").body();
        assertThat(attention).contains("Email failed:", "Resend the email to " + REFUSED);
        Matcher field = EMAIL_FIELD.matcher(attention);
        assertThat(field.find()).isTrue();
        String email = field.group(1);
        String path = "/bookings/" + id + "/resend";
        ConsoleClient.Page bad = dispatcher.post(path, form("csrf", dispatcher.csrf(), "email", "not-an-id"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("email: is not an email");
        ConsoleClient.Page other = dispatcher.post(
                path, form("csrf", dispatcher.csrf(), "email", UUID.randomUUID().toString()));
        assertThat(other.status()).isEqualTo(409);
        assertThat(dispatcher.post(path, form("email", email)).status())
                .as("no CSRF token")
                .isEqualTo(403);
        smtp.stopRefusing(REFUSED);

        ConsoleClient.Page done =
                dispatcher.post(path, form("csrf", dispatcher.csrf(), "email", email, "back", "/attention"));

        assertThat(done.status()).as(done.body()).isEqualTo(303);
        assertThat(done.header("Location")).hasValue("/attention?done=email");
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.delivered.contains(REFUSED));
        JsonNode status = bookings.status(id);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> bookings.status(id).at("/emails/failed").asInt() == 0);
        assertThat(bookings.status(id).get("attention").findValuesAsText("kind"))
                .doesNotContain("email_failed");
        assertThat(status.at("/emails/errors")).isNotNull();
        assertThat(dispatcher.get("/attention").body()).doesNotContain("Email failed:");
    }

    private static JsonNode awaitState(String id, String state) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last.set(bookings.status(id));
                    return last.get().get("state").asText().equals(state);
                });
        return last.get();
    }
}
