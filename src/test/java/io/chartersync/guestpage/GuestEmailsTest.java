package io.chartersync.guestpage;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guest is emailed the page's link once the booking is synced, each change of time or place (old → new),
 * and the cancellation, exactly once each, with the operator's contact; never with {@code "notify_guest":
 * false} or without an address.
 */
class GuestEmailsTest {
    private static final String GUEST = "To: guest@example.com";
    private static final String PAGE = "Subject: Your JADA charter";
    private static final String CHANGE = "Subject: Changed: your JADA charter";
    private static final String CANCEL = "Subject: Cancelled: your JADA charter";

    @RegisterExtension
    static final RunningApp app = new RunningApp()
            .withRoster()
            .withEnvironment(Map.of(
                    "OPERATOR_NAME", "Harbor Charters",
                    "OPERATOR_PHONE", "+1 (619) 555-0199",
                    "OPERATOR_EMAIL", "desk@harbor.example.com"));

    @Test
    void synced_booking_sends_the_guest_one_email_with_the_page_as_a_link_and_the_operators_contact() {
        JsonNode status = app.bookings().submitAndSync(Examples.booking(), 1);
        String url = status.at("/guest_page/url").asText();

        Path email = only(app.mailbox().containing(GUEST));
        assertThat(Mailbox.read(email)).contains(PAGE + " Thu May 30, 9:00 AM: your guest page");
        String html = Mailbox.part(email, "text/html");
        String text = Mailbox.part(email, "text/plain");
        assertThat(html)
                .contains("<a href=\"" + url + "\"")
                .contains("Harbor Charters", "+1 (619) 555-0199", "desk@harbor.example.com")
                .contains("href=\"tel:+16195550199\"", "href=\"mailto:desk@harbor.example.com\"");
        assertThat(text)
                .contains(url)
                .contains("Thu, May 30, 2024 at 9:00 AM PDT", "Sheraton Marina")
                .contains(
                        "Your operator: Harbor Charters", "Phone: +1 (619) 555-0199", "Email: desk@harbor.example.com");
        assertThat(status.at("/emails/sent").asInt())
                .as("3 invitations, the summary, the guest's")
                .isEqualTo(5);
    }

    @Test
    void the_same_booking_again_or_a_crew_only_change_sends_the_guest_nothing_more() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        app.http().post("/api/bookings", Examples.bookingJson(), OPERATOR);
        ObjectNode crewChange = Examples.booking();
        ((ObjectNode) crewChange.withArrayProperty("crew_assignments").get(1)).put("hourly_rate", 30);
        crewChange.withObjectProperty("notes").put("guest", "Parking is scarce; arrive early.");

        app.bookings().submitAndSync(crewChange, 2);

        assertThat(app.mailbox().containing(GUEST)).hasSize(1);
    }

    @Test
    void reschedule_sends_the_guest_one_change_email_saying_old_and_new() {
        String id =
                app.bookings().submitAndSync(Examples.booking(), 1).get("id").asText();
        ObjectNode moved =
                Examples.booking().put("start", "2024-05-30T10:30:00").put("location", "Fuel dock");

        app.bookings().submitAndSync(moved, 2);
        app.bookings().submitAndSync(moved, 2);

        Path change = only(app.mailbox().containing(GUEST, CHANGE));
        assertThat(Mailbox.read(change)).contains(CHANGE + " is now Thu May 30, 10:30 AM");
        assertThat(Mailbox.part(change, "text/plain"))
                .contains("When: Thu, May 30, 2024 at 9:00 AM PDT → Thu, May 30, 2024 at 10:30 AM PDT")
                .contains("Meet at: Sheraton Marina → Fuel dock")
                .contains("Harbor Charters");
        assertThat(Mailbox.part(change, "text/html"))
                .contains("<a href=\""
                        + app.bookings().status(id).at("/guest_page/url").asText() + "\"");
        assertThat(app.mailbox().containing(GUEST, PAGE)).hasSize(1);
        assertThat(app.mailbox().containing(GUEST)).hasSize(2);
    }

    @Test
    void cancel_sends_the_guest_one_cancellation_with_the_operators_contact() {
        String id =
                app.bookings().submitAndSync(Examples.booking(), 1).get("id").asText();

        cancel(id);
        cancel(id);

        Path cancellation = only(app.mailbox().containing(GUEST, CANCEL));
        assertThat(Mailbox.part(cancellation, "text/plain"))
                .contains("will not take place", "please contact Harbor Charters")
                .contains("Phone: +1 (619) 555-0199");
        assertThat(app.mailbox().containing(GUEST)).hasSize(2);
    }

    @Test
    void no_guest_email_with_notify_guest_false_or_without_an_address() {
        ObjectNode quiet = Examples.booking().put("notify_guest", false);
        String quietId = app.bookings().submitAndSync(quiet, 1).get("id").asText();
        app.bookings().submitAndSync(quiet.deepCopy().put("start", "2024-05-30T11:00:00"), 2);
        cancel(quietId);
        ObjectNode noAddress =
                Examples.booking().put("external_id", "BS-NO-EMAIL").put("start", "2024-06-02T09:00:00");
        noAddress.withObjectProperty("guest").remove("email");
        app.bookings().submitAndSync(noAddress, 1);

        assertThat(app.mailbox().containing("guest@example.com")).isEmpty();
        assertThat(app.mailbox().containing("Subject: Your JADA charter")).isEmpty();
        assertThat(TestDatabase.strings("select distinct body ->> 'notify_guest' from booking_version"
                        + " where booking_id = '" + quietId + "'"))
                .as("kept with the body")
                .containsExactly("false");
    }

    @Test
    void notify_guest_must_be_true_or_false() {
        TestHttp.Response refused = app.http()
                .post(
                        "/api/bookings",
                        Examples.booking().put("notify_guest", "no").toString(),
                        OPERATOR);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("notify_guest");
    }

    @Test
    void the_guest_page_shows_the_operators_contact_with_links() {
        JsonNode status = app.bookings().submitAndSync(Examples.booking(), 1);
        String html = app.http().get(GuestPages.path(app, status), NOBODY).body();

        assertThat(html)
                .contains("Questions?", "Harbor Charters")
                .contains("<a href=\"tel:+16195550199\">+1 (619) 555-0199</a>")
                .contains("<a href=\"mailto:desk@harbor.example.com\">desk@harbor.example.com</a>");
        cancel(status.get("id").asText());
        assertThat(app.http().get(GuestPages.path(app, status), NOBODY).body())
                .contains("please contact Harbor Charters", "tel:+16195550199");
    }

    private static void cancel(String id) {
        TestHttp.Response cancel = app.http().post("/api/bookings/" + id + "/cancel", null, OPERATOR);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        app.bookings().awaitSettled(id, cancel.json().get("version").asInt());
    }

    private static Path only(List<Path> emails) {
        assertThat(emails).hasSize(1);
        return emails.getFirst();
    }
}
