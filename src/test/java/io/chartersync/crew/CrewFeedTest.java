package io.chartersync.crew;

import static io.chartersync.testsupport.Mailbox.magicToken;
import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A crew member's personal iCalendar feed: valid RFC 5545, one VEVENT per charter, and charters they
 * were taken off or that were cancelled stay in it as CANCELLED, with a higher SEQUENCE.
 */
class CrewFeedTest {
    private static final String INVITATION = "Confirm: JADA charter";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    /** Two bookings that share crew-2 (and everyone else), on different days. */
    private String eventX;

    private String eventY;
    private String bookingX;

    @BeforeEach
    void bookTwoCharters() {
        TestHttp.Response crew3 = app.http()
                .put(
                        "/api/crew/crew-3",
                        "{\"name\": \"Riley Chen\", \"email\": \"crew-3@crew.example.com\", \"roles\": [\"crew\"]}",
                        OPERATOR);
        assertThat(crew3.status()).as(crew3.body()).isIn(200, 201);
        var x = app.bookings().submitAndSync(bookingX(), 1);
        bookingX = x.get("id").asText();
        eventX = x.at("/crew/event_id").asText();
        eventY =
                app.bookings().submitAndSync(bookingY(), 1).at("/crew/event_id").asText();
        assertThat(eventX).isNotBlank().isNotEqualTo(eventY);
    }

    @Test
    void feed_parses_as_icalendar_with_one_event_per_charter_and_unique_uids() {
        String feed = feed(tokenOf("crew-2", "Thu May 30"));

        Map<String, VEvent> byEvent = eventsByEventId(feed);

        assertThat(byEvent).containsOnlyKeys(eventX, eventY);
        assertThat(value(byEvent.get(eventX), Property.STATUS)).hasValue("TENTATIVE");
        assertThat(value(byEvent.get(eventY), Property.STATUS)).hasValue("TENTATIVE");
        assertThat(value(byEvent.get(eventX), Property.SEQUENCE)).hasValue("0");
        assertThat(value(byEvent.get(eventX), Property.DESCRIPTION)).isPresent();
    }

    @Test
    void member_taken_off_a_charter_sees_it_cancelled_through_the_revoked_link_and_the_live_one() {
        String revokedX = tokenOf("crew-2", "Thu May 30");
        String liveY = tokenOf("crew-2", "Sun Jun 2");
        ObjectNode swapped = bookingX();
        ((ObjectNode) swapped.withArrayProperty("crew_assignments").get(1))
                .withArrayProperty("members")
                .removeAll()
                .add("crew-1")
                .add("crew-3");
        app.bookings().submitAndSync(swapped, 2);
        assertThat(app.http().get("/m/" + revokedX, NOBODY).status()).isEqualTo(410);

        for (String token : List.of(revokedX, liveY)) {
            Map<String, VEvent> byEvent = eventsByEventId(feed(token));

            assertThat(byEvent).containsOnlyKeys(eventX, eventY);
            VEvent x = byEvent.get(eventX);
            assertThat(value(x, Property.STATUS)).hasValue("CANCELLED");
            assertThat(value(x, Property.SEQUENCE).map(Integer::parseInt))
                    .hasValueSatisfying(s -> assertThat(s).isGreaterThanOrEqualTo(1));
            assertThat(value(x, Property.DESCRIPTION)).isEmpty();
            assertThat(value(byEvent.get(eventY), Property.STATUS)).hasValue("TENTATIVE");
        }
    }

    @Test
    void sequence_only_rises_when_a_member_is_taken_off_and_put_back() {
        String liveY = tokenOf("crew-2", "Sun Jun 2");
        int before = sequenceOfX(liveY);
        ObjectNode swapped = bookingX();
        ((ObjectNode) swapped.withArrayProperty("crew_assignments").get(1))
                .withArrayProperty("members")
                .removeAll()
                .add("crew-1")
                .add("crew-3");
        app.bookings().submitAndSync(swapped, 2);
        int off = sequenceOfX(liveY);
        app.bookings().submitAndSync(bookingX(), 3);
        int back = sequenceOfX(liveY);

        assertThat(off).isGreaterThan(before);
        assertThat(back).isGreaterThan(off);
        assertThat(value(eventsByEventId(feed(liveY)).get(eventX), Property.STATUS))
                .hasValue("TENTATIVE");
    }

    private int sequenceOfX(String token) {
        return value(eventsByEventId(feed(token)).get(eventX), Property.SEQUENCE)
                .map(Integer::parseInt)
                .orElseThrow();
    }

    @Test
    void confirmed_charter_shows_confirmed_in_the_feed_with_a_higher_sequence() {
        String liveY = tokenOf("crew-2", "Sun Jun 2");
        int before = sequenceOf(eventsByEventId(feed(liveY)).get(eventY));

        TestHttp.Response answered = CrewPages.answer(app.http(), liveY, "confirm");

        assertThat(answered.status()).isEqualTo(303);
        Map<String, VEvent> byEvent = eventsByEventId(feed(liveY));
        assertThat(value(byEvent.get(eventY), Property.STATUS)).hasValue("CONFIRMED");
        assertThat(sequenceOf(byEvent.get(eventY))).isGreaterThan(before);
        assertThat(value(byEvent.get(eventX), Property.STATUS)).hasValue("TENTATIVE");
    }

    private static int sequenceOf(VEvent event) {
        return value(event, Property.SEQUENCE).map(Integer::parseInt).orElseThrow();
    }

    @Test
    void declined_charter_shows_cancelled_in_the_feed() {
        String liveY = tokenOf("crew-2", "Sun Jun 2");

        TestHttp.Response answered = CrewPages.answer(app.http(), liveY, "decline");

        assertThat(answered.status()).isEqualTo(303);
        Map<String, VEvent> byEvent = eventsByEventId(feed(liveY));
        assertThat(value(byEvent.get(eventY), Property.STATUS)).hasValue("CANCELLED");
        assertThat(value(byEvent.get(eventX), Property.STATUS)).hasValue("TENTATIVE");
    }

    @Test
    void cancelled_charter_shows_cancelled_in_the_captains_feed() {
        String captainX = tokenOf("captain-1", "Thu May 30");

        TestHttp.Response cancel = app.http().post("/api/bookings/" + bookingX + "/cancel", null, OPERATOR);
        app.bookings().awaitSettled(bookingX, 2);

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        Map<String, VEvent> byEvent = eventsByEventId(feed(captainX));
        assertThat(value(byEvent.get(eventX), Property.STATUS)).hasValue("CANCELLED");
        assertThat(value(byEvent.get(eventX), Property.SEQUENCE).map(Integer::parseInt))
                .hasValueSatisfying(s -> assertThat(s).isGreaterThanOrEqualTo(1));
        assertThat(value(byEvent.get(eventY), Property.STATUS)).hasValue("TENTATIVE");
    }

    @Test
    void feed_of_an_unknown_token_answers_404() {
        TestHttp.Response response = app.http().get("/m/" + "A".repeat(43) + "/calendar.ics", NOBODY);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static ObjectNode bookingX() {
        return Examples.booking().put("external_id", "FEED-X");
    }

    private static ObjectNode bookingY() {
        return Examples.booking().put("external_id", "FEED-Y").put("start", "2024-06-02T09:00:00");
    }

    /** The magic-link token of {@code member}'s invitation to the charter on {@code day} ("Thu May 30"). */
    @Test
    void crew_feed_is_on_the_marina_clock_and_answers_304_to_its_etag() throws Exception {
        String liveY = tokenOf("crew-2", "Sun Jun 2");
        TestHttp.Response first = app.http().get("/m/" + liveY + "/calendar.ics", NOBODY);

        TestHttp.Response again = app.http()
                .send(
                        "GET",
                        "/m/" + liveY + "/calendar.ics",
                        null,
                        "text/calendar",
                        NOBODY,
                        "If-None-Match",
                        first.header("ETag").orElseThrow());

        assertThat(first.body())
                .contains(
                        "BEGIN:VTIMEZONE",
                        "TZID:America/Los_Angeles",
                        "DTSTART;TZID=America/Los_Angeles:20240602T090000");
        assertThat(again.status()).isEqualTo(304);
        assertThat(new CalendarBuilder()
                        .build(new java.io.StringReader(first.body()))
                        .validate(true)
                        .getEntries())
                .as("ical4j validation of the crew feed")
                .isEmpty();
    }

    private static String tokenOf(String member, String day) {
        List<Path> invitations = app.mailbox().to(member, INVITATION + " " + day);
        assertThat(invitations).as(member + " invitations for " + day).hasSize(1);
        return magicToken(invitations.getFirst());
    }

    private static String feed(String token) {
        TestHttp.Response response = app.http().get("/m/" + token + "/calendar.ics", NOBODY);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/calendar");
        return response.body();
    }

    /** Parses the feed with ical4j; answers its VEVENTs by crew event id, failing on a repeated UID. */
    private static Map<String, VEvent> eventsByEventId(String ics) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException | ParserException e) {
            throw new AssertionError("the feed is not valid iCalendar:\n" + ics, e);
        }
        Map<String, VEvent> byEvent = new LinkedHashMap<>();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        for (VEvent event : events) {
            String uid =
                    value(event, Property.UID).orElseThrow(() -> new AssertionError("a VEVENT without UID:\n" + ics));
            assertThat(uid).contains("@");
            VEvent previous = byEvent.put(uid.substring(0, uid.indexOf('@')), event);
            assertThat(previous).as("UID " + uid + " repeated in\n" + ics).isNull();
        }
        return byEvent;
    }

    private static Optional<String> value(VEvent event, String property) {
        return event.<Property>getProperty(property).map(Property::getValue);
    }
}
