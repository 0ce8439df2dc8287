package io.chartersync.guestpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.common.OperatorContact;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The guest's calendar file, written by hand, reads back in ical4j exactly as meant. */
class GuestCalendarTest {
    private static GuestView view(String location, boolean cancelled) {
        return new GuestView(
                "may-30-boatsetter-k3x9abcd",
                "JADA",
                LocalDateTime.parse("2024-05-30T09:00").atZone(ZoneId.of("America/Los_Angeles")),
                new BigDecimal("2.5"),
                location,
                "Guest",
                Optional.of(6),
                "",
                cancelled,
                List.of(),
                List.of(),
                false,
                OperatorContact.NONE,
                new GuestView.Links("c", "p", "f", "t", "h"),
                Optional.empty());
    }

    @Test
    void a_long_place_with_commas_and_accents_reads_back_whole_and_every_line_stays_within_75_octets()
            throws Exception {
        String place = "Muelle Sur, Marina Puerto Peñasco; dock 7, slip 12 \\ behind the café on the seawall, "
                + "next to the fuel dock (ask for Tomás)";

        String ics = GuestCalendar.render(
                view(place, false), "https://charters.example.com/g/x/", "charters.example.com", 3, Instant.now());

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = (VEvent) calendar.getComponents("VEVENT").getFirst();
        assertThat(event.getLocation().getValue()).isEqualTo(place);
        assertThat(event.getDateTimeStart().getValue()).isEqualTo("20240530T090000");
        assertThat(event.getDateTimeEnd().getValue()).isEqualTo("20240530T113000");
        assertThat(ics).contains("BEGIN:VTIMEZONE", "TZID:America/Los_Angeles", "SEQUENCE:3", "STATUS:CONFIRMED");
        assertThat(ics.indexOf("BEGIN:VTIMEZONE")).isLessThan(ics.indexOf("BEGIN:VEVENT"));
    }

    @Test
    void a_cancelled_charter_is_a_cancelled_event() {
        String ics = GuestCalendar.render(view("Dock", true), "https://x/g/y/", "x", 2, Instant.now());

        assertThat(ics).contains("STATUS:CANCELLED");
    }
}
