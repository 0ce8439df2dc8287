package io.chartersync.crew;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Bookings;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The captain's briefing: a durable task at 18:00 marina time the evening before, planned with the
 * booking, moved with it, dropped with its cancellation, and still there after a restart.
 */
class BriefingTest {
    private static final ZoneId MARINA = ZoneId.of("America/Los_Angeles");
    private static final String PLANNED =
            "select count(*) from scheduled_tasks where task_name = 'captain-briefing' and execution_time = ";
    private TestApp app;

    @BeforeEach
    void start() {
        TestDatabase.reset();
        app = TestApp.start();
        Examples.loadRoster(app.http());
        app.http()
                .put(
                        "/api/crew/crew-1",
                        "{\"name\": \"Sam Lee\", \"email\": \"crew-1@crew.example.com\", \"roles\": [\"crew\"],"
                                + " \"phone\": \"+1 619 555 0111\"}",
                        OPERATOR);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_booking_plans_its_briefing_for_18_00_the_evening_before() {
        LocalDate day = LocalDate.now(MARINA).plusDays(10);

        new Bookings(app).submitAndSync(bookingOn(day), 1);

        assertThat(TestDatabase.count(PLANNED + evening(day.minusDays(1)))).isEqualTo(1);
    }

    @Test
    void a_reschedule_moves_the_briefing_and_a_cancel_drops_it() {
        LocalDate day = LocalDate.now(MARINA).plusDays(10);
        String id = new Bookings(app).submitAndSync(bookingOn(day), 1).get("id").asText();

        new Bookings(app).submitAndSync(bookingOn(day.plusDays(3)), 2);

        assertThat(TestDatabase.count(PLANNED + evening(day.plusDays(2)))).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from scheduled_tasks where task_name = 'captain-briefing'"))
                .isEqualTo(1);

        app.http().post("/api/bookings/" + id + "/cancel", "", OPERATOR);
        new Bookings(app).awaitSettled(id, 3);

        assertThat(TestDatabase.count("select count(*) from scheduled_tasks where task_name = 'captain-briefing'"))
                .isZero();
    }

    @Test
    void the_briefing_survives_a_restart_and_lists_the_final_crew_with_answers_and_phones() {
        LocalDate day = LocalDate.now(MARINA).plusDays(10);
        new Bookings(app).submitAndSync(bookingOn(day), 1);
        app.close();
        app = TestApp.start();

        app.clock().advanceTo(day.minusDays(1).atTime(18, 0).atZone(MARINA).toInstant());

        Mailbox mailbox = new Mailbox(app.mailDir());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> mailbox.to("captain-1", "Briefing:").size() == 1);
        String briefing = Mailbox.read(mailbox.to("captain-1", "Briefing:").getFirst());
        assertThat(briefing)
                .contains("Subject: Briefing: JADA charter", "final crew and guests")
                .contains("Sam Lee", "+1 619 555 0111", "awaiting answer")
                .contains("Jordan Park", "no phone on file")
                .contains("Boatsetter Guest (party of 6)")
                .contains("Sheraton Marina")
                .contains("/g/");
        assertThat(TestDatabase.count("select count(*) from scheduled_tasks where task_name = 'captain-briefing'"))
                .isZero();
    }

    @Test
    void a_charter_booked_after_its_evening_before_is_briefed_at_once() {
        java.time.LocalDateTime inTwoHours =
                java.time.LocalDateTime.now(MARINA).plusHours(2).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        ObjectNode booking = bookingOn(inTwoHours.toLocalDate()).put("start", inTwoHours.toString());

        new Bookings(app).submitAndSync(booking, 1);

        Mailbox mailbox = new Mailbox(app.mailDir());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> mailbox.to("captain-1", "Briefing:").size() == 1);
    }

    @Test
    void a_charter_in_the_past_gets_no_briefing() {
        new Bookings(app).submitAndSync(Examples.booking(), 1);

        assertThat(TestDatabase.count("select count(*) from scheduled_tasks where task_name = 'captain-briefing'"))
                .isZero();
    }

    private static ObjectNode bookingOn(LocalDate day) {
        return Examples.booking().put("external_id", "BS-BRIEFING-1").put("start", day + "T09:00:00");
    }

    private static String evening(LocalDate day) {
        return "'" + day.atTime(18, 0).atZone(MARINA).toInstant() + "'::timestamptz";
    }
}
