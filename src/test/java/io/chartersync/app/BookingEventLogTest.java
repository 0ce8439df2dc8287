package io.chartersync.app;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.BookingLog;
import io.chartersync.common.LinkTokens;
import io.chartersync.testsupport.Bookings;
import io.chartersync.testsupport.Canaries;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.LogCapture;
import io.chartersync.testsupport.RefusingSmtpServer;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.workflow.SyncStep;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The booking event log ({@code chartersync.bookings}): one line per event of a booking's life, naming the
 * booking (id, source, external id, version, boat) and, for a failure, the step and why; and none of them
 * carries the booking's revenue, notes, guest name or contacts, a crew address or a token.
 */
class BookingEventLogTest {
    private static final String REFUSED = "crew-2@crew.example.com";
    private static final String REPLY = "550 5.1.1 mailbox unavailable";
    private static final List<String> CANARIES = Stream.concat(
                    Canaries.printedForms(7316254).stream(),
                    Stream.of("IQ4ZT", "CW8RD", "GN5PX", "ge7mk", "555-7731", "Q3LT", "@crew.example.com"))
            .toList();
    private static final AtomicReference<RuntimeException> failAfterCalendar = new AtomicReference<>();
    private static RefusingSmtpServer smtp;
    private static TestApp app;
    private static Bookings bookings;

    @BeforeAll
    static void start() {
        TestDatabase.reset();
        smtp = RefusingSmtpServer.start(REFUSED, REPLY);
        app = TestApp.start(Map.of("SMTP_URL", smtp.url()), new Hooks(BookingEventLogTest::afterStep, () -> {}));
        bookings = new Bookings(app);
        Examples.loadRoster(app.http());
    }

    @AfterAll
    static void stop() {
        app.close();
        smtp.close();
    }

    private static void afterStep(SyncStep step) {
        RuntimeException failure = step == SyncStep.CALENDAR ? failAfterCalendar.getAndSet(null) : null;
        if (failure != null) {
            throw failure;
        }
    }

    @Test
    void every_event_of_a_booking_is_one_line_naming_it_and_none_carries_its_private_details() {
        try (LogCapture logs = LogCapture.start()) {
            ObjectNode body = canaryBooking("EXT-LOG-1");
            String id = bookings.submitAndSync(body, 1).get("id").asText();
            body.put("duration_hours", 4);
            bookings.submitAndSync(body, 2);
            String clashing = bookings.submitAndSync(canaryBooking("EXT-LOG-2"), 1)
                    .get("id")
                    .asText();
            assertThat(CrewPages.answer(app.http(), linkToken(id, "crew-1"), "decline")
                            .status())
                    .isEqualTo(303);
            failAfterCalendar.set(new IllegalStateException("a bug between steps"));
            String failing = bookings.submit(canaryBooking("EXT-LOG-3").put("start", later()));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> bookings.status(failing).get("state").asText().equals("failed"));
            assertThat(app.http()
                            .post("/api/bookings/" + id + "/cancel", null, OPERATOR)
                            .status())
                    .isEqualTo(200);
            bookings.awaitSettled(id, 3);

            assertThat(line(logs, "received", id))
                    .containsEntry("source", "boatsetter")
                    .containsEntry("external_id", "EXT-LOG-1")
                    .containsEntry("version", 1)
                    .containsEntry("boat", "JADA");
            assertThat(line(logs, "new_version", id)).containsEntry("version", 2);
            assertThat(lines(logs, "synced", id)).hasSize(3);
            assertThat(line(logs, "conflict", clashing))
                    .containsEntry("external_id", "EXT-LOG-2")
                    .containsEntry("other_booking_id", UUID.fromString(id));
            assertThat(line(logs, "declined", id))
                    .containsEntry("member_id", "crew-1")
                    .containsEntry("role", "crew")
                    .containsEntry("boat", "JADA");
            assertThat(lines(logs, "email_failed", id))
                    .as("crew-2's emails, refused by the SMTP server")
                    .anySatisfy(line ->
                            assertThat(line).containsEntry("kind", "invite").containsEntry("reason", REPLY));
            assertThat(line(logs, "sync_failed", failing))
                    .containsEntry("external_id", "EXT-LOG-3")
                    .containsEntry("reason", "an unexpected error, not retried (IllegalStateException)");
            assertThat(line(logs, "cancelled", id)).containsEntry("version", 3);
            String logged = logs.text();
            assertThat(CANARIES).allSatisfy(canary -> assertThat(logged).doesNotContain(canary));
        }
    }

    /** The one line of {@code event} about {@code bookingId}, as its key-value pairs. */
    private static Map<String, Object> line(LogCapture logs, String event, String bookingId) {
        List<Map<String, Object>> found = lines(logs, event, bookingId);
        assertThat(found).as(event + " of " + bookingId + " in\n" + logs.text()).hasSize(1);
        return found.getFirst();
    }

    private static List<Map<String, Object>> lines(LogCapture logs, String event, String bookingId) {
        return logs.atLeast(Level.INFO).stream()
                .filter(e -> e.getLoggerName().equals(BookingLog.LOGGER))
                .map(BookingEventLogTest::pairs)
                .filter(pairs ->
                        event.equals(pairs.get("event")) && bookingId.equals(String.valueOf(pairs.get("booking_id"))))
                .toList();
    }

    private static Map<String, Object> pairs(ILoggingEvent event) {
        Map<String, Object> pairs = new HashMap<>();
        event.getKeyValuePairs().forEach(p -> pairs.put(p.key, p.value));
        return pairs;
    }

    /** The magic-link token of {@code member} on the booking's crew event, derived as delivery does. */
    private static String linkToken(String bookingId, String member) {
        String link = TestDatabase.strings("select l.id::text from crew_link l join crew_event e on e.id = l.event_id"
                        + " where e.booking_id = '" + bookingId + "' and l.member_id = '" + member + "'")
                .getFirst();
        return new LinkTokens(TestApp.LINK_KEY.getBytes(StandardCharsets.UTF_8)).tokenFor(UUID.fromString(link));
    }

    private static String later() {
        return Examples.futureBooking(9).get("start").asText();
    }

    private static ObjectNode canaryBooking(String externalId) {
        ObjectNode booking = Examples.futureBooking(6).put("external_id", externalId);
        booking.withObjectProperty("revenue").put("amount", "7316254.17");
        booking.withObjectProperty("notes")
                .put("internal", "Internal canary IQ4ZT")
                .put("crew", "Crew canary CW8RD")
                .put("guest", "Guest canary GN5PX");
        booking.withObjectProperty("guest")
                .put("name", "Canary Guest Q3LT")
                .put("email", "guest.canary.ge7mk@example.org")
                .put("phone", "+1-619-555-7731");
        return booking;
    }
}
