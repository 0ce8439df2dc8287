package io.chartersync.calendar;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.Json;
import io.chartersync.common.LinkTokens;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's iCalendar feed: read by two independent parsers (ical4j and Debian's python3-icalendar),
 * stable UIDs, SEQUENCE rising with every change, cancelled entries kept as CANCELLED, ETag and 304.
 */
class CalendarFeedTest {
    /** Debian's Python with python3-icalendar (`.ci/run` installs it), not a user's own Python. */
    private static final String PYTHON = "/usr/bin/python3";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    private FeedTokens feeds;

    @BeforeEach
    void feedTokens() {
        feeds = new FeedTokens(
                Jdbi.create(TestDatabase.jdbcUrl()),
                new LinkTokens(TestApp.LINK_KEY.getBytes(StandardCharsets.UTF_8)),
                new AuditLog(Json.mapper(), Clock.systemUTC()));
    }

    @Test
    void feed_parses_in_ical4j_and_python_icalendar_with_the_entry_on_the_marina_clock() throws Exception {
        JsonNode status = app.bookings().submitAndSync(Examples.booking(), 1);
        String entryId = status.at("/calendar/entry_id").asText();

        String ics = feed(Optional.empty()).body();

        VEvent event = onlyEvent(ics);
        assertThat(value(event, Property.UID)).hasValue(entryId + "@localhost");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().toString())
                .contains("TZID=America/Los_Angeles", "20240530T090000");
        assertThat(ics).contains("BEGIN:VTIMEZONE", "TZID:America/Los_Angeles", "X-PUBLISHED-TTL:PT15M");
        assertThat(python(ics)).isEqualTo("1|" + entryId + "@localhost|2024-05-30T09:00:00-07:00|CONFIRMED");
        assertThat(new CalendarBuilder()
                        .build(new StringReader(ics))
                        .validate(true)
                        .getEntries())
                .as("ical4j validation of the feed")
                .isEmpty();
    }

    @Test
    void booking_update_and_cancel_reach_the_feed_with_a_higher_sequence() throws Exception {
        String id =
                app.bookings().submitAndSync(Examples.booking(), 1).get("id").asText();
        int first = sequence(onlyEvent(feed(Optional.empty()).body()));
        ObjectNode moved = Examples.booking();
        moved.put("start", "2024-05-30T10:00:00");
        app.bookings().submitAndSync(moved, 2);
        VEvent afterMove = onlyEvent(feed(Optional.empty()).body());

        app.http().post("/api/bookings/" + id + "/cancel", null, OPERATOR);
        app.bookings().awaitSettled(id, 3);
        VEvent afterCancel = onlyEvent(feed(Optional.empty()).body());

        assertThat(sequence(afterMove)).isGreaterThan(first);
        assertThat(afterMove.getProperty(Property.DTSTART).orElseThrow().toString())
                .contains("20240530T100000");
        assertThat(sequence(afterCancel)).isGreaterThan(sequence(afterMove));
        assertThat(value(afterCancel, Property.STATUS)).hasValue("CANCELLED");
        assertThat(value(afterCancel, Property.UID)).isEqualTo(value(afterMove, Property.UID));
    }

    @Test
    void an_entry_in_a_zone_without_a_vtimezone_is_written_in_utc_and_the_feed_still_works() throws Exception {
        ObjectNode entry = Examples.calendarEntry();
        entry.put("time_zone", "America/Coyhaique").put("boat", "PATAGONIA").put("start_time", "10:00");
        assertThat(app.http().post("/calendar", entry.toString(), OPERATOR).status())
                .isEqualTo(201);

        String ics = feed(Optional.empty()).body();

        VEvent event = onlyEvent(ics);
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).endsWith("Z");
        assertThat(python(ics)).startsWith("1|");
    }

    @Test
    void unchanged_feed_answers_304_to_its_etag() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        TestHttp.Response first = feed(Optional.empty());
        String etag = first.header("ETag").orElseThrow();

        TestHttp.Response again = app.http()
                .send(
                        "GET",
                        "/calendar.ics?token=" + feeds.token(Optional.empty()),
                        null,
                        "text/calendar",
                        NOBODY,
                        "If-None-Match",
                        etag);

        assertThat(first.contentType()).startsWith("text/calendar");
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void boat_feed_shows_only_that_boat_and_a_rotated_token_no_longer_opens_the_feed() throws Exception {
        app.bookings().submitAndSync(Examples.booking(), 1);
        ObjectNode other = Examples.booking();
        other.put("external_id", "OTHER-BOAT").put("boat", "MARLIN");
        app.bookings().submitAndSync(other, 1);
        String old = feeds.token(Optional.empty());

        String marlin = feed(Optional.of("MARLIN")).body();
        feeds.rotate(Optional.empty(), "test");

        assertThat(events(marlin)).hasSize(1);
        assertThat(marlin).contains("SUMMARY:MARLIN charter").doesNotContain("JADA");
        assertThat(events(feed(Optional.empty()).body())).hasSize(2);
        assertThat(app.http().get("/calendar.ics?token=" + old, NOBODY).status())
                .isEqualTo(404);
        assertThat(app.http().get("/calendar.ics", NOBODY).status()).isEqualTo(400);
    }

    @Test
    void a_boat_feed_asked_for_under_another_spelling_is_that_boats_one_feed() throws Exception {
        app.bookings().submitAndSync(Examples.booking(), 1);
        ObjectNode other = Examples.booking();
        other.put("external_id", "OTHER-BOAT").put("boat", "MARLIN");
        app.bookings().submitAndSync(other, 1);

        String jada = feed(Optional.of(" jada ")).body();

        assertThat(feeds.token(Optional.of("Jada"))).isEqualTo(feeds.token(Optional.of("JADA")));
        assertThat(events(jada)).hasSize(1);
        assertThat(jada).contains("SUMMARY:JADA charter").doesNotContain("MARLIN");
    }

    private TestHttp.Response feed(Optional<String> boat) {
        TestHttp.Response response = app.http().get("/calendar.ics?token=" + feeds.token(boat), NOBODY);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static List<VEvent> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
    }

    private static VEvent onlyEvent(String ics) throws Exception {
        List<VEvent> events = events(ics);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private static int sequence(VEvent event) {
        return Integer.parseInt(value(event, Property.SEQUENCE).orElseThrow());
    }

    private static Optional<String> value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue);
    }

    /** Reads the feed with python3-icalendar: count|UID|DTSTART|STATUS of the first event. */
    private static String python(String ics) throws IOException, InterruptedException {
        Path file = Files.createTempFile("feed", ".ics");
        Files.writeString(file, ics);
        String script = """
                import sys, icalendar
                cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                events = list(cal.walk('VEVENT'))
                e = events[0]
                print('%d|%s|%s|%s' % (len(events), e['UID'], e.decoded('DTSTART').isoformat(), e['STATUS']))
                """;
        Process process = new ProcessBuilder(PYTHON, "-c", script, file.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue())
                .as("python3-icalendar must read the feed (install Debian's python3-icalendar): " + out)
                .isZero();
        return out;
    }
}
