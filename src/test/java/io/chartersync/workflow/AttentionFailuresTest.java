package io.chartersync.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.app.Hooks;
import io.chartersync.testsupport.Bookings;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RefusingSmtpServer;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failures that need the operator: a failed sync (until a later version syncs) and an email the SMTP
 * server refused for good, on a real SMTP conversation.
 */
class AttentionFailuresTest {
    private static final String REFUSED = "crew-2@crew.example.com";
    private static final String REPLY = "550 5.1.1 mailbox unavailable";
    private static final AtomicReference<RuntimeException> failAfterCalendar = new AtomicReference<>();
    private static RefusingSmtpServer smtp;
    private static TestApp app;
    private static Bookings bookings;

    @BeforeAll
    static void start() {
        TestDatabase.reset();
        smtp = RefusingSmtpServer.start(REFUSED, REPLY);
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
    void reset() {
        failAfterCalendar.set(null);
        app.clock().reset();
        TestDatabase.reset();
        Examples.loadRoster(app.http());
    }

    @Test
    void a_failed_sync_needs_attention_until_a_later_version_syncs() {
        failAfterCalendar.set(new NullPointerException("a bug between steps"));
        ObjectNode body = Examples.futureBooking(5);
        String id = bookings.submit(body);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> bookings.status(id).get("state").asText().equals("failed"));

        JsonNode failed = bookings.status(id).get("attention");
        assertThat(failed.findValuesAsText("kind")).contains("sync_failed");
        JsonNode item = item(failed, "sync_failed");
        assertThat(item.get("detail").asText())
                .startsWith("The sync failed: not retried: java.lang.NullPointerException: a bug between steps");
        assertThat(Instant.parse(item.get("since").asText())).isNotNull();

        body.withObjectProperty("notes").put("guest", "Meet at the fuel dock instead.");
        JsonNode synced = bookings.awaitSettled(bookings.submit(body), 2);

        assertThat(synced.get("attention").findValuesAsText("kind")).doesNotContain("sync_failed");
    }

    @Test
    void after_the_charter_ends_only_a_failed_sync_keeps_a_booking_in_the_attention_list() {
        failAfterCalendar.set(new NullPointerException("a bug between steps"));
        String failed = bookings.submit(Examples.futureBooking(2));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> bookings.status(failed).get("state").asText().equals("failed"));
        ObjectNode withoutCrew = Examples.futureBooking(2);
        withoutCrew.put("external_id", "no-crew-ended");
        withoutCrew.putArray("crew_assignments");
        String noCrew =
                bookings.awaitSettled(bookings.submit(withoutCrew), 1).get("id").asText();
        assertThat(attentionList()).containsExactlyInAnyOrder(failed, noCrew);

        app.clock().advance(Duration.ofDays(4));

        assertThat(attentionList())
                .as("the crewless charter has ended; the failed sync still needs the operator")
                .containsExactly(failed);
        assertThat(bookings.status(noCrew).get("attention")).isEmpty();
    }

    private static List<String> attentionList() {
        JsonNode page = app.http()
                .get("/api/bookings?attention=true", TestHttp.As.OPERATOR)
                .json();
        return page.get("bookings").findValuesAsText("id");
    }

    @Test
    void an_email_refused_for_good_needs_attention_naming_the_recipient_and_the_reply() {
        JsonNode status = bookings.submitAndSync(Examples.futureBooking(5), 1);

        assertThat(status.at("/emails/failed").asInt()).isEqualTo(1);
        JsonNode item = item(status.get("attention"), "email_failed");
        assertThat(status.get("attention")).hasSize(1);
        assertThat(item.get("detail").asText())
                .isEqualTo("The invitation to " + REFUSED + " could not be sent: " + REPLY);
        assertThat(Instant.parse(item.get("since").asText()))
                .isBefore(app.clock().instant());
    }

    private static JsonNode item(JsonNode attention, String kind) {
        for (JsonNode item : attention) {
            if (item.get("kind").asText().equals(kind)) {
                return item;
            }
        }
        throw new AssertionError("no " + kind + " in " + attention);
    }
}
