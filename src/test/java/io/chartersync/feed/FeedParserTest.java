package io.chartersync.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.feed.FeedEvent.AllDay;
import io.chartersync.feed.FeedEvent.At;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedParserTest {
    private static final ZoneId MIAMI = ZoneId.of("America/New_York");
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private final FeedParser parser = new FeedParser(MIAMI);

    @Test
    void an_airbnb_style_feed_gives_whole_day_events_without_a_guest_name() throws Exception {
        List<FeedEvent> events = parser.parse(fixture("airbnb.ics"));

        assertThat(events)
                .containsExactly(
                        new FeedEvent(
                                "1418fb94e984-2f8d7d1a0a9ed3a1c6f1d3b9b8d43e3a@airbnb.com",
                                new AllDay(LocalDate.of(2027, 6, 12), LocalDate.of(2027, 6, 15)),
                                Optional.empty(),
                                false),
                        new FeedEvent(
                                "7f3c42a1b5a0-93e1e9a0b4c1d44f0a0f0bdc31d8a0e1@airbnb.com",
                                new AllDay(LocalDate.of(2027, 6, 30), LocalDate.of(2027, 7, 2)),
                                Optional.empty(),
                                false));
    }

    @Test
    void a_vrbo_style_feed_names_the_guest_when_the_summary_does() throws Exception {
        List<FeedEvent> events = parser.parse(fixture("vrbo.ics"));

        assertThat(events)
                .extracting(FeedEvent::guestName)
                .containsExactly(Optional.of("Jane Smith"), Optional.empty());
        assertThat(events.get(0).timing()).isEqualTo(new AllDay(LocalDate.of(2027, 8, 1), LocalDate.of(2027, 8, 8)));
    }

    @Test
    void utc_times_show_on_the_marinas_clock_and_cancelled_events_say_so() throws Exception {
        List<FeedEvent> events = parser.parse(fixture("boatsetter.ics")); // LF line ends

        assertThat(events.get(0))
                .isEqualTo(new FeedEvent(
                        "booking-8812345@boatsetter.com",
                        new At(miami(2027, 6, 12, 10), miami(2027, 6, 12, 14)),
                        Optional.empty(),
                        false));
        assertThat(((At) events.get(0).timing()).start().getZone()).isEqualTo(MIAMI);
        assertThat(events.get(1).cancelled()).isTrue();
        assertThat(events.get(1).guestName()).contains("Jane Smith");
    }

    @Test
    void a_tzid_with_its_vtimezone_keeps_the_events_own_zone() throws Exception {
        List<FeedEvent> events = new FeedParser(ATHENS).parse(fixture("getmyboat.ics"));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.uid()).isEqualTo("gmb-trip-551203");
            assertThat(e.timing()).isEqualTo(new At(miami(2027, 7, 4, 10), miami(2027, 7, 4, 14)));
            assertThat(e.guestName()).isEmpty();
        });
    }

    @Test
    void floating_times_are_read_on_the_marinas_clock_with_duration_and_a_bom() throws Exception {
        List<FeedEvent> events = new FeedParser(ATHENS).parse(fixture("clickandboat.ics"));

        ZonedDateTime nine = LocalDateTime.of(2027, 7, 20, 9, 0).atZone(ATHENS);
        assertThat(events.get(0).timing()).isEqualTo(new At(nine, nine.plusHours(8)));
        assertThat(events.get(0).guestName()).isEmpty();
        assertThat(events.get(1).timing())
                .isEqualTo(new At(nine.plusDays(1), nine.plusDays(2).plusHours(2)));
        assertThat(events.get(1).guestName()).contains("Amélie Dupont");
    }

    @Test
    void an_empty_calendar_is_an_empty_list() throws Exception {
        assertThat(parser.parse(fixture("empty.ics"))).isEmpty();
        assertThat(parser.parse(ics())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DTSTART;TZID=Europe/Berlin:20270612T100000|Europe/Berlin",
                "DTSTART;TZID=\"Europe/Berlin\":20270612T100000|Europe/Berlin",
                "DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20270612T100000|Europe/Berlin",
                "DTSTART;TZID=W. Europe Standard Time:20270612T100000|Europe/Berlin",
                "DTSTART;TZID=Eastern Standard Time:20270612T100000|America/New_York",
                "DTSTART;TZID=UTC:20270612T100000|UTC",
                "DTSTART;TZID=Mars/Olympus_Mons:20270612T100000|Europe/Athens",
            })
    void a_tzid_without_vtimezone_is_resolved_by_name_and_an_unknown_one_is_the_marinas(String dtstart, String zone)
            throws Exception {
        List<FeedEvent> events = new FeedParser(ATHENS).parse(ics(event("u1", dtstart)));

        ZonedDateTime ten = LocalDateTime.of(2027, 6, 12, 10, 0).atZone(ZoneId.of(zone));
        assertThat(events).singleElement().extracting(FeedEvent::timing).isEqualTo(new At(ten, ten.plusHours(1)));
    }

    @Test
    void a_vtimezone_with_an_unknown_tzid_is_computed_from_its_rules_and_shown_on_the_marinas_clock() throws Exception {
        String vtimezone = String.join(
                "\r\n",
                "BEGIN:VTIMEZONE",
                "TZID:Marina Local Time",
                "BEGIN:STANDARD",
                "DTSTART:19671029T020000",
                "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
                "TZOFFSETFROM:-0400",
                "TZOFFSETTO:-0500",
                "END:STANDARD",
                "BEGIN:DAYLIGHT",
                "DTSTART:19870405T020000",
                "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
                "TZOFFSETFROM:-0500",
                "TZOFFSETTO:-0400",
                "END:DAYLIGHT",
                "END:VTIMEZONE");
        String fixed = String.join(
                "\r\n",
                "BEGIN:VTIMEZONE",
                "TZID:Somewhere",
                "BEGIN:STANDARD",
                "DTSTART:19700101T000000",
                "TZOFFSETFROM:+0300",
                "TZOFFSETTO:+0300",
                "END:STANDARD",
                "END:VTIMEZONE");
        byte[] body = ics(
                vtimezone,
                fixed,
                event("summer", "DTSTART;TZID=Marina Local Time:20270704T100000"),
                event("winter", "DTSTART;TZID=Marina Local Time:20271225T100000"),
                event("spring-gap-day", "DTSTART;TZID=Marina Local Time:20270314T100000"),
                event("fixed", "DTSTART;TZID=Somewhere:20270704T100000"));

        List<FeedEvent> events = new FeedParser(ATHENS).parse(body);

        assertThat(starts(events))
                .containsExactly(
                        miami(2027, 7, 4, 10).withZoneSameInstant(ATHENS),
                        LocalDateTime.of(2027, 12, 25, 10, 0).atZone(MIAMI).withZoneSameInstant(ATHENS),
                        LocalDateTime.of(2027, 3, 14, 10, 0).atZone(MIAMI).withZoneSameInstant(ATHENS),
                        LocalDateTime.of(2027, 7, 4, 10, 0).atZone(ATHENS).withZoneSameInstant(ATHENS));
    }

    @Test
    void whole_day_events_end_exclusive_and_last_a_day_or_their_duration_without_dtend() throws Exception {
        byte[] body = ics(
                event("no-end", "DTSTART;VALUE=DATE:20270612"),
                event("plain-date", "DTSTART:20270612", "DTEND:20270614"),
                event("three-days", "DTSTART;VALUE=DATE:20270612", "DURATION:P3D"),
                event("a-week", "DTSTART;VALUE=DATE:20270612", "DURATION:P1W"),
                event("backwards", "DTSTART;VALUE=DATE:20270612", "DTEND;VALUE=DATE:20270610"));

        assertThat(parser.parse(body))
                .extracting(FeedEvent::timing)
                .containsExactly(
                        days("2027-06-12", "2027-06-13"),
                        days("2027-06-12", "2027-06-14"),
                        days("2027-06-12", "2027-06-15"),
                        days("2027-06-12", "2027-06-19"),
                        days("2027-06-12", "2027-06-13"));
    }

    @Test
    void timed_events_end_at_dtend_or_after_their_duration_else_after_one_hour() throws Exception {
        byte[] body = ics(
                event("dtend-in-utc", "DTSTART;TZID=America/New_York:20270612T100000", "DTEND:20270612T200000Z"),
                event("duration", "DTSTART:20270612T140000Z", "DURATION:PT4H30M"),
                event("no-end", "DTSTART:20270612T140000Z"),
                event("end-before-start", "DTSTART:20270612T140000Z", "DTEND:20270612T130000Z"),
                event("bad-duration", "DTSTART:20270612T140000Z", "DURATION:four hours"),
                event("no-seconds", "DTSTART:20270612T1400Z", "DTEND;TZID=America/New_York:20270612T1130"),
                event("years-ahead", "DTSTART:20350101T120000Z", "DTEND:20350101T160000Z"));

        List<FeedEvent> events = parser.parse(body);

        assertThat(events)
                .extracting(FeedEvent::timing)
                .containsExactly(
                        new At(miami(2027, 6, 12, 10), miami(2027, 6, 12, 16)),
                        new At(miami(2027, 6, 12, 10), miami(2027, 6, 12, 14).plusMinutes(30)),
                        new At(miami(2027, 6, 12, 10), miami(2027, 6, 12, 11)),
                        new At(miami(2027, 6, 12, 10), miami(2027, 6, 12, 11)),
                        new At(miami(2027, 6, 12, 10), miami(2027, 6, 12, 11)),
                        new At(miami(2027, 6, 12, 10), miami(2027, 6, 12, 11).plusMinutes(30)),
                        new At(
                                LocalDateTime.of(2035, 1, 1, 7, 0).atZone(MIAMI),
                                LocalDateTime.of(2035, 1, 1, 11, 0).atZone(MIAMI)));
    }

    @Test
    void a_duplicate_uid_keeps_the_highest_sequence_and_on_a_tie_the_later_one_in_the_place_of_the_first()
            throws Exception {
        byte[] body = ics(
                event("a", "DTSTART:20270601T140000Z", "SEQUENCE:2", "SUMMARY:Jane Smith"),
                event("b", "DTSTART:20270602T140000Z", "SUMMARY:Bob Jones"),
                event("a", "DTSTART:20270603T140000Z", "SEQUENCE:1", "SUMMARY:Older Change"),
                event("b", "DTSTART:20270604T140000Z", "SUMMARY:Bob Later"),
                event("c", "DTSTART:20270605T140000Z", "SEQUENCE:x"));

        List<FeedEvent> events = parser.parse(body);

        assertThat(events).extracting(FeedEvent::uid).containsExactly("a", "b", "c");
        assertThat(events)
                .extracting(FeedEvent::guestName)
                .containsExactly(Optional.of("Jane Smith"), Optional.of("Bob Later"), Optional.empty());
    }

    @Test
    void an_override_replaces_a_single_master_and_a_recurring_master_is_read_as_its_first_occurrence()
            throws Exception {
        byte[] body = ics(
                event("single", "DTSTART:20270601T140000Z", "DTEND:20270601T180000Z"),
                event("single", "RECURRENCE-ID:20270601T140000Z", "DTSTART:20270602T140000Z", "DTEND:20270602T160000Z"),
                event("series", "DTSTART:20270610T140000Z", "RRULE:FREQ=WEEKLY;COUNT=10"),
                event("series", "RECURRENCE-ID:20270617T140000Z", "DTSTART:20270618T140000Z"),
                event("moved-series", "DTSTART:20270701T140000Z", "RRULE:FREQ=DAILY"),
                event("moved-series", "RECURRENCE-ID:20270701T140000Z", "DTSTART:20270703T140000Z"),
                event("orphan", "RECURRENCE-ID:20270801T140000Z", "DTSTART:20270802T140000Z"));

        List<FeedEvent> events = parser.parse(body);

        assertThat(events).extracting(FeedEvent::uid).containsExactly("single", "series", "moved-series", "orphan");
        assertThat(starts(events))
                .containsExactly(
                        miami(2027, 6, 2, 10), miami(2027, 6, 10, 10), miami(2027, 7, 3, 10), miami(2027, 8, 2, 10));
        assertThat(events.get(0).timing()).isEqualTo(new At(miami(2027, 6, 2, 10), miami(2027, 6, 2, 12)));
    }

    @Test
    void events_without_uid_or_a_readable_start_are_skipped_and_the_rest_still_count() throws Exception {
        byte[] body = ics(
                "BEGIN:VEVENT\r\nDTSTART:20270601T140000Z\r\nSUMMARY:No uid\r\nEND:VEVENT",
                event("blank-uid".replace("blank-uid", " "), "DTSTART:20270601T140000Z"),
                "BEGIN:VEVENT\r\nUID:no-start\r\nSUMMARY:Jane\r\nEND:VEVENT",
                event("bad-start", "DTSTART:June 1st"),
                event("kept", "DTSTART:20270601T140000Z", "X-GARBAGE LINE WITHOUT COLON", "STATUS:cancelled"));

        assertThat(parser.parse(body)).singleElement().satisfies(e -> {
            assertThat(e.uid()).isEqualTo("kept");
            assertThat(e.cancelled()).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>",
                "{\"error\":\"calendar not found\"}",
                "garbage \u0000\u0001 not a calendar",
                "",
                "   \r\n\r\n",
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270601T140000Z\r\n",
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
                "BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n",
                "\uFEFF<html>Service unavailable</html>",
            })
    void a_body_that_is_not_a_whole_icalendar_file_is_unparsable(String body) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FeedFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FeedFailure.Kind.UNPARSABLE);
                    assertThat(f.getMessage())
                            .isNotBlank()
                            .hasSizeLessThan(120)
                            .doesNotContain("502", "calendar not found");
                });
    }

    @Test
    void the_unparsable_message_says_what_came_instead() {
        assertThatThrownBy(() -> parser.parse("<html></html>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("HTML");
        assertThatThrownBy(() -> parser.parse("{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("JSON");
        assertThatThrownBy(() -> parser.parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("cut short");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "Reserved|-",
                "Booked|-",
                "Not available|-",
                "Blocked|-",
                "Unavailable|-",
                "Airbnb (Not available)|-",
                "Reservation|-",
                "CLOSED - Not available|-",
                "Boatsetter booking|-",
                "Click&Boat - Reserved|-",
                "Owner's use|-",
                "Reserved: HM2X8KQZ5|-",
                "Booking #8812345|-",
                "N/A|-",
                "Reserved - Jane Smith|Jane Smith",
                "Jane Smith|Jane Smith",
                "Booking: Jane Smith (BS-123)|Jane Smith",
                "  jane   smith  |jane smith",
                "Booked by Pat O'Neil|Pat O'Neil",
                "Reserved \u2013 José Álvarez-Núñez|José Álvarez-Núñez",
                "Reserved - jane@example.com|-",
                "Réservation : Amélie Dupont|Amélie Dupont",
            })
    void the_guest_name_comes_from_a_summary_only_when_it_names_a_person(String summary, String name) {
        assertThat(GuestNames.from(summary)).isEqualTo(Optional.ofNullable(name));
    }

    @Test
    void a_guest_name_has_no_control_characters_and_at_most_200_characters() throws Exception {
        String longName = "Jane " + "Q".repeat(300);
        byte[] body = ics(
                event("ctl", "DTSTART:20270601T140000Z", "SUMMARY:Jane\u0007 Smith\u200b\\nReserved"),
                event("long", "DTSTART:20270601T140000Z", "SUMMARY:" + longName));

        List<FeedEvent> events = parser.parse(body);

        assertThat(events.get(0).guestName()).contains("Jane Smith Reserved");
        assertThat(events.get(1).guestName())
                .hasValueSatisfying(n -> assertThat(n).hasSize(200).startsWith("Jane Q"));
    }

    /**
     * A property test in plain JUnit (jqwik is not in the offline repository): every line of the fixtures
     * folded at random byte positions, inside UTF-8 characters too, with CRLF or LF and a space or a tab, parses
     * to the same events. Seeded, so a failure repeats.
     */
    @Test
    void folding_at_any_byte_position_parses_the_same() throws Exception {
        Random random = new Random(20261202L);
        for (String name : List.of("airbnb.ics", "vrbo.ics", "boatsetter.ics", "getmyboat.ics", "clickandboat.ics")) {
            byte[] original = fixture(name);
            List<FeedEvent> expected = parser.parse(original);
            for (int round = 0; round < 40; round++) {
                assertThat(parser.parse(fold(original, random)))
                        .as(name + " round " + round)
                        .isEqualTo(expected);
            }
        }
    }

    private static byte[] fold(byte[] body, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int sinceBreak = 0;
        for (byte b : body) {
            boolean lineEnd = b == '\r' || b == '\n';
            if (!lineEnd && sinceBreak > 0 && random.nextInt(12) == 0) {
                out.writeBytes(random.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
                out.write(random.nextBoolean() ? ' ' : '\t');
            }
            out.write(b);
            sinceBreak = lineEnd ? 0 : sinceBreak + 1;
        }
        return out.toByteArray();
    }

    private static List<ZonedDateTime> starts(List<FeedEvent> events) {
        return events.stream().map(e -> ((At) e.timing()).start()).toList();
    }

    private static ZonedDateTime miami(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(MIAMI);
    }

    private static AllDay days(String first, String endExclusive) {
        return new AllDay(LocalDate.parse(first), LocalDate.parse(endExclusive));
    }

    private static String event(String uid, String... lines) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\n" + String.join("\r\n", lines) + "\r\nEND:VEVENT";
    }

    private static byte[] ics(String... components) {
        StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Feeds//EN\r\n");
        for (String component : components) {
            text.append(component).append("\r\n");
        }
        return text.append("END:VCALENDAR\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fixture(String name) {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
