package io.chartersync.crew;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static io.chartersync.testsupport.TestHttp.As.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Canaries;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Revenue canary: a booking with a unique revenue figure and a unique internal note lives its whole life
 * (invitations, a decline, a reschedule, a crew swap, the evening-before briefing, a cancel), and every
 * output crew or the guest can see is scanned for either, in any formatting: every email (the guest's
 * included), every crew page and feed, the crew API, the guest page, and what the crew service stores.
 */
class CrewRevenueCanaryTest {
    private static final String REVENUE = "7654321.89";
    private static final String INTERNAL_NOTE = "Payout by wire, ref CANARY-Q7Z9X; never tell the crew";
    /** The figure as any locale or unit might print it (7654321 also covers 7654321,89 and 765432189 cents). */
    private static final List<String> FORBIDDEN = Stream.concat(
                    Canaries.printedForms(7654321).stream(), Stream.of("CANARY-Q7Z9X", "Payout by wire", INTERNAL_NOTE))
            .toList();
    /** Every email kind the scenario makes, by its subject. */
    private static final Map<String, String> EMAIL_KINDS = Map.of(
            "invitation", "Subject: Confirm: JADA charter",
            "decline alert", "Subject: Declined: Jordan Park",
            "change", "Subject: Changed: JADA charter now",
            "removal", "Subject: You're off the JADA charter",
            "summary", "Subject: Captain summary: JADA charter",
            "briefing", "Subject: Briefing: JADA charter",
            "cancellation", "Subject: Cancelled: JADA charter",
            "guest page email", "Subject: Your JADA charter",
            "guest change", "Subject: Changed: your JADA charter",
            "guest cancellation", "Subject: Cancelled: your JADA charter");

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    private final Map<String, List<String>> outputs = new LinkedHashMap<>();

    @BeforeEach
    void addRileyToTheRoster() {
        TestHttp.Response crew3 = app.http()
                .put(
                        "/api/crew/crew-3",
                        "{\"name\": \"Riley Chen\", \"email\": \"crew-3@crew.example.com\", \"roles\": [\"crew\"]}",
                        OPERATOR);
        assertThat(crew3.status()).as(crew3.body()).isIn(200, 201);
    }

    @Test
    void revenue_and_internal_note_reach_no_crew_visible_output_in_a_charters_whole_life() {
        ObjectNode booking = Examples.futureBooking(5);
        booking.withObjectProperty("revenue").put("amount", REVENUE);
        booking.withObjectProperty("notes").put("internal", INTERNAL_NOTE);
        String day = booking.get("start").asText().substring(0, 10);
        JsonNode status = app.bookings().submitAndSync(booking, 1);
        String id = status.get("id").asText();
        String eventId = status.at("/crew/event_id").asText();
        String guestPage = app.bookings().pathOf(status.at("/guest_page/url").asText());

        declineAsCrew2(id);
        booking.put("start", day + "T10:30:00");
        app.bookings().submitAndSync(booking, 2);
        crewMembers(booking).removeAll().add("crew-1").add("crew-3");
        app.bookings().submitAndSync(booking, 3);
        fireTheBriefingNow();
        readEverythingCrewCanRead(eventId, guestPage, day);
        TestHttp.Response cancel = app.http().post("/api/bookings/" + id + "/cancel", null, OPERATOR);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        app.bookings().awaitSettled(id, 4);
        readEverythingCrewCanRead(eventId, guestPage, day);
        readEveryEmail();
        readWhatTheCrewServiceStores();

        assertThat(outputs)
                .containsKeys(EMAIL_KINDS.keySet().toArray(String[]::new))
                .containsKeys("crew page", "crew feed", "crew API event", "crew API range", "guest page");
        assertThat(outputs.get("invitation")).as("3 invited, then crew-3").hasSize(4);
        assertThat(outputs.get("decline alert")).as("crew-2 declined").hasSize(1);
        assertThat(outputs.get("change"))
                .as("all 3 asked again after the reschedule")
                .hasSize(3);
        assertThat(outputs.get("removal")).as("crew-2 taken off").hasSize(1);
        assertThat(outputs.get("briefing")).hasSize(1);
        assertThat(outputs.get("cancellation")).as("the 3 on the charter told").hasSize(3);
        assertThat(outputs.get("summary")).as("a summary per crew state").hasSizeGreaterThanOrEqualTo(3);
        assertThat(outputs.get("guest page email")).as("the guest's link, once").hasSize(1);
        assertThat(outputs.get("guest change")).as("the reschedule, old → new").hasSize(1);
        assertThat(outputs.get("guest cancellation")).hasSize(1);
        outputs.forEach((kind, texts) -> assertThat(texts)
                .as(kind + " produced")
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t).isNotBlank()));
        outputs.forEach((kind, texts) ->
                assertThat(texts).allSatisfy(t -> assertThat(t).as("a " + kind).doesNotContain(FORBIDDEN)));
        assertThat(TestDatabase.everyRowAsText().values())
                .as("the canary itself, kept for the operator")
                .anySatisfy(rows -> assertThat(rows).contains(REVENUE, INTERNAL_NOTE));
    }

    /** crew-2 declines from the page; the operator (the captain, with no OPERATOR_EMAIL) is told. */
    private void declineAsCrew2(String bookingId) {
        String crew2 = Mailbox.magicToken(only(app.mailbox().to("crew-2", "Confirm:")));
        assertThat(CrewPages.answer(app.http(), crew2, "decline").status()).isEqualTo(303);
        app.bookings().awaitSettled(bookingId, 1);
        assertThat(app.mailbox().containing(EMAIL_KINDS.get("decline alert"))).hasSize(1);
    }

    /** The briefing is planned for 18:00 the evening before; move the clock there and wait for the email. */
    private void fireTheBriefingNow() {
        List<String> planned = TestDatabase.strings(
                "select to_char(execution_time at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                        + " from scheduled_tasks where task_name = 'captain-briefing'");
        assertThat(planned).as("the planned briefing").hasSize(1);
        app.clock().advanceTo(Instant.parse(planned.getFirst()));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .alias("the captain's briefing emailed")
                .until(() -> app.mailbox().to("captain-1", "Briefing:").size() == 1);
    }

    /** Every crew page (live or dead), every member's feed, the crew API and the guest page, as they are now. */
    private void readEverythingCrewCanRead(String eventId, String guestPage, String day) {
        List<String> tokens = app.mailbox().magicTokens();
        assertThat(tokens)
                .as("links of captain-1, crew-1, crew-2 (removed) and crew-3")
                .hasSize(4);
        for (String token : tokens) {
            TestHttp.Response page = app.http().get("/m/" + token, NOBODY);
            assertThat(page.status()).isIn(200, 410);
            add("crew page", page.body());
            TestHttp.Response feed = app.http().get("/m/" + token + "/calendar.ics", NOBODY);
            assertThat(feed.status()).isEqualTo(200);
            add("crew feed", feed.body());
        }
        TestHttp.Response event = app.http().get("/events/" + eventId, SERVICE);
        assertThat(event.status()).isEqualTo(200);
        add("crew API event", event.body());
        TestHttp.Response range = app.http().get("/events?from=" + day + "&to=" + day, SERVICE);
        assertThat(range.json().get("events")).hasSize(1);
        add("crew API range", range.body());
        add("guest page", app.http().get(guestPage, NOBODY).body());
    }

    private void readEveryEmail() {
        List<Path> emails = app.mailbox().all();
        int classified = 0;
        for (Map.Entry<String, String> kind : EMAIL_KINDS.entrySet()) {
            for (Path email : app.mailbox().containing(kind.getValue())) {
                add(kind.getKey(), Mailbox.decoded(email));
                classified++;
            }
        }
        assertThat(classified).as("every email is of a kind scanned").isEqualTo(emails.size());
    }

    private void readWhatTheCrewServiceStores() {
        for (String table : List.of("crew_event", "crew_link", "crew_member", "mail_outbox", "audit_log")) {
            add("crew service table " + table, TestDatabase.dump(table));
        }
    }

    private void add(String kind, String text) {
        outputs.computeIfAbsent(kind, k -> new ArrayList<>()).add(text);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode crewMembers(ObjectNode booking) {
        return ((ObjectNode) booking.withArrayProperty("crew_assignments").get(1)).withArrayProperty("members");
    }

    private static Path only(List<Path> emails) {
        assertThat(emails).hasSize(1);
        return emails.getFirst();
    }
}
