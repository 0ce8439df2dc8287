package io.chartersync.guestpage;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The guest page a customer opens on a phone at the dock: what it shows, how it is served. */
class GuestPageTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void the_page_shows_the_charter_on_the_marinas_clock_with_the_zone_named() {
        String html = page(app.bookings().submitAndSync(Examples.booking(), 1)).body();
        String upcoming =
                page(app.bookings().submitAndSync(Examples.futureBooking(5), 1)).body();

        assertThat(html)
                .contains("Welcome aboard, Boatsetter Guest!")
                .contains("Thursday, May 30, 2024", "9:00 AM Pacific Daylight Time", "(America/Los_Angeles)")
                .contains("3 hours", "JADA", "Sheraton Marina", "party of 6")
                .contains("Please arrive 15 minutes early")
                .contains("href=\"https://www.openstreetmap.org/search?query=Sheraton+Marina\"")
                .contains("What to bring", "Sunscreen")
                .contains("Add to calendar", "/calendar.ics")
                .doesNotContain("840.75", "Paid through Boatsetter", "cake on board");
        assertThat(html).as("uploads closed 30 days after a 2024 trip").doesNotContain("name=\"upload_token\"");
        assertThat(upcoming).contains("Share your photos", "<label for=\"photo\">", "name=\"upload_token\"");
    }

    @Test
    void a_page_taking_uploads_is_due_to_be_published_again_when_they_close() {
        String path = GuestPages.path(app, app.bookings().submitAndSync(Examples.futureBooking(5), 1));
        java.time.Instant closes = java.time.LocalDate.now(java.time.ZoneId.of("America/Los_Angeles"))
                .plusDays(5)
                .atTime(12, 0)
                .atZone(java.time.ZoneId.of("America/Los_Angeles"))
                .toInstant()
                .plus(java.time.Duration.ofDays(30));

        assertThat(io.chartersync.testsupport.TestDatabase.count(
                        "select count(*) from scheduled_tasks where task_name = 'close-guest-uploads' and task_instance = '"
                                + GuestPages.slug(path) + "@" + closes.getEpochSecond() + "' and execution_time = '"
                                + closes + "'::timestamptz"))
                .isEqualTo(1);
        app.bookings().submitAndSync(Examples.booking(), 1);
        assertThat(io.chartersync.testsupport.TestDatabase.count(
                        "select count(*) from scheduled_tasks where task_name = 'close-guest-uploads'"))
                .as("a page whose uploads are already closed plans nothing")
                .isEqualTo(1);
    }

    @Test
    void the_page_is_one_small_document_with_inline_css_and_no_outside_resources() {
        TestHttp.Response page = page(app.bookings().submitAndSync(Examples.booking(), 1));

        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(30 * 1024);
        assertThat(page.body()).contains("<style>").doesNotContain("<link ", "src=\"http", "@import");
        assertThat(page.body()).contains("<html lang=\"en\">", "<h1>", "<h2 id=\"details\">");
    }

    @Test
    void the_page_is_not_indexed_and_carries_a_strict_policy() {
        TestHttp.Response page = page(app.bookings().submitAndSync(Examples.booking(), 1));

        assertThat(page.body()).contains("<meta name=\"robots\" content=\"noindex, nofollow\">");
        assertThat(page.header("X-Robots-Tag")).hasValue("noindex, nofollow");
        assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.header("Referrer-Policy")).hasValue("no-referrer");
        String csp = page.header("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("default-src 'none'", "script-src 'sha256-", "img-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval")
                .doesNotContain("script-src 'unsafe-inline'");
        assertThat(page.body()).contains("http-equiv=\"Content-Security-Policy\"");
    }

    @Test
    void the_page_is_gzipped_for_clients_that_accept_it() throws Exception {
        String path = GuestPages.path(app, app.bookings().submitAndSync(Examples.booking(), 1));
        HttpResponse<byte[]> gzipped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String html = new String(
                new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(html).contains("Welcome aboard");
    }

    @Test
    void the_calendar_file_is_one_event_at_the_charters_time() throws Exception {
        String path = GuestPages.path(app, app.bookings().submitAndSync(Examples.booking(), 1));

        TestHttp.Response ics = app.http().get(path + "calendar.ics", NOBODY);

        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        VEvent event = (VEvent) calendar.getComponents("VEVENT").getFirst();
        assertThat(event.getDateTimeStart().getValue()).isEqualTo("20240530T090000");
        assertThat(ics.body()).contains("TZID=America/Los_Angeles", "Sheraton Marina", "STATUS:CONFIRMED");
    }

    @Test
    void a_reschedule_republishes_the_page_with_the_new_time() {
        String path = GuestPages.path(app, app.bookings().submitAndSync(Examples.booking(), 1));
        ObjectNode moved = Examples.booking().put("start", "2024-05-31T14:00:00");

        app.bookings().submitAndSync(moved, 2);

        assertThat(app.http().get(path, NOBODY).body()).contains("Friday, May 31, 2024", "2:00 PM Pacific");
    }

    @Test
    void a_cancelled_charter_shows_only_its_date_and_boat_and_takes_no_uploads() {
        JsonNode status = app.bookings().submitAndSync(Examples.futureBooking(5), 1);
        String path = GuestPages.path(app, status);
        String token = GuestPages.uploadToken(app.http().get(path, NOBODY).body());

        app.http().post("/api/bookings/" + status.get("id").asText() + "/cancel", "", OPERATOR);
        app.bookings().awaitSettled(status.get("id").asText(), 2);

        String html = app.http().get(path, NOBODY).body();
        assertThat(html).contains("This charter was cancelled", "JADA");
        assertThat(html).doesNotContain("Sheraton Marina", "Boatsetter Guest", "upload_token", "9:00 AM", "<form");
        TestHttp.Response presign = app.http()
                .post(
                        "/g/presign",
                        "{\"slug\": \"" + GuestPages.slug(path) + "\", \"upload_token\": \"" + token
                                + "\", \"content_type\": \"image/jpeg\", \"size\": 1000}",
                        NOBODY);
        assertThat(presign.status()).isEqualTo(410);
        assertThat(presign.json().get("detail").asText()).contains("cancelled");
    }

    @Test
    void markup_in_every_guest_supplied_field_is_escaped() {
        String attack = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'";
        ObjectNode booking =
                Examples.futureBooking(5).put("boat", "JADA" + attack).put("location", "Dock" + attack);
        ((ObjectNode) booking.get("guest")).put("name", "Guest" + attack);
        ((ObjectNode) booking.get("notes")).put("guest", "Bring" + attack);

        String html = page(app.bookings().submitAndSync(booking, 1)).body();

        assertThat(html).doesNotContain("<script>alert", "<img src=x", "onerror=alert(1)>");
        assertThat(html).contains("&lt;script&gt;alert(");
        assertThat(html.split("<script>", -1)).hasSize(2); // only the page's own script
    }

    @Test
    void malformed_slugs_answer_404_without_a_page() {
        assertThat(app.http().get("/g/..%2F..%2Fpg/", NOBODY).status()).isEqualTo(404);
        assertThat(app.http().get("/g/UPPER-case/", NOBODY).status()).isEqualTo(404);
        assertThat(app.http()
                        .get("/g/ok-slug-123/photos/not-a-hash.jpg", NOBODY)
                        .status())
                .isEqualTo(404);
    }

    private static TestHttp.Response page(JsonNode status) {
        TestHttp.Response page = app.http().get(GuestPages.path(app, status), NOBODY);
        assertThat(page.status()).isEqualTo(200);
        return page;
    }

    static String read(byte[] bytes) throws IOException {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
