package io.chartersync.console;

import static io.chartersync.testsupport.ConsoleClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.Json;
import io.chartersync.testsupport.Canaries;
import io.chartersync.testsupport.ConsoleClient;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A booking's page, its edit, cancel and new-booking forms and the mailbox, over real HTTP, PostgreSQL and
 * the program's sync: what an owner and a dispatcher each see, and what each form changes.
 */
class BookingPagesTest {
    private static final String OWNER = "owner@charters.example.com";
    private static final String DISPATCHER = "dispatch@charters.example.com";
    private static final String PASSWORD = "a sea-worthy password";
    private static final String INTERNAL_NOTE = "CANARY-NOTE Payout by wire";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    private ConsoleClient owner;
    private ConsoleClient dispatcher;

    @BeforeEach
    void an_owner_and_a_dispatcher_signed_in() {
        ConsoleUsers.run(app, PASSWORD, "add", OWNER, "--role", "owner", "--password-stdin");
        ConsoleUsers.run(app, PASSWORD, "add", DISPATCHER, "--role", "dispatcher", "--password-stdin");
        owner = new ConsoleClient(app.baseUrl());
        assertThat(owner.signIn(OWNER, PASSWORD).status()).isEqualTo(303);
        dispatcher = new ConsoleClient(app.baseUrl());
        assertThat(dispatcher.signIn(DISPATCHER, PASSWORD).status()).isEqualTo(303);
    }

    /** The example booking, four days ahead, earning the canary figure, synced. */
    private static String syncedBooking() {
        ObjectNode booking = Examples.futureBooking(4);
        booking.putObject("revenue").put("amount", "7654321.89").put("currency", "USD");
        ((ObjectNode) booking.get("notes")).put("internal", INTERNAL_NOTE);
        return app.bookings().submitAndSync(booking, 1).get("id").asText();
    }

    @Test
    void an_owner_sees_revenue_and_the_internal_note_and_a_dispatcher_sees_them_on_no_page() {
        String id = syncedBooking();
        TestHttp.Response patched = app.http()
                .send(
                        "PATCH",
                        "/api/bookings/" + id,
                        "{\"revenue\": {\"amount\": \"7654321.55\"}, \"guest\": {\"party_size\": 7},"
                                + " \"notes\": {\"internal\": \"" + INTERNAL_NOTE + " (updated)\"}}",
                        "application/merge-patch+json",
                        TestHttp.As.OPERATOR);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        app.bookings().awaitSettled(id, 2);

        ConsoleClient.Page ownersPage = owner.get("/bookings/" + id);
        assertThat(ownersPage.status()).isEqualTo(200);
        assertThat(ownersPage.body())
                .contains("7654321.55 USD", "7654321.89", INTERNAL_NOTE, "Boatsetter Guest", "synced")
                .contains("Party size", "6", "7", "Version 2")
                .contains("guest@example.com");

        List<String> pages = new ArrayList<>(
                List.of("/bookings/" + id, "/bookings/" + id + "/edit", "/bookings/" + id + "/cancel", "/mailbox"));
        ConsoleClient.Page detail = dispatcher.get("/bookings/" + id);
        assertThat(detail.body())
                .contains("Revenue changed", "Internal note changed", "Party size", "Boatsetter Guest")
                .contains("Version 2", "Changed");
        pages.addAll(links(detail.body(), "/bookings/" + id + "/emails/"));
        ConsoleClient.Page mailbox = dispatcher.get("/mailbox");
        List<String> previews = links(mailbox.body(), "/mailbox/");
        assertThat(previews).as("the mailbox lists the booking's emails").hasSizeGreaterThanOrEqualTo(4);
        pages.addAll(previews);
        for (String path : pages) {
            ConsoleClient.Page page = dispatcher.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            for (String canary : Canaries.printedForms(7654321)) {
                assertThat(page.body())
                        .as("%s shows revenue to a dispatcher", path)
                        .doesNotContain(canary);
            }
            assertThat(page.body()).as(path).doesNotContain("CANARY-NOTE");
            if (path.contains("mail")) {
                assertThat(page.body()).as("%s shows the guest's address", path).doesNotContain("guest@example.com");
            }
        }
        assertThat(owner.get("/mailbox").body())
                .as("an owner sees the guest's address")
                .contains("guest@example.com");
    }

    @Test
    void an_edit_changes_only_the_field_changed_and_keeps_what_a_dispatcher_cannot_see() {
        String id = syncedBooking();
        JsonNode before = storedBody(id, 1);
        ConsoleClient.Page edit = dispatcher.get("/bookings/" + id + "/edit");
        assertThat(edit.status()).isEqualTo(200);
        Map<String, String> fields = HtmlForm.fields(edit.body(), "/bookings/" + id + "/edit");
        assertThat(fields).containsEntry("guest.party_size", "6").containsEntry("version", "1");
        assertThat(fields.keySet()).doesNotContain("revenue.amount", "notes.internal");

        fields.put("guest.party_size", "8");
        ConsoleClient.Page saved = dispatcher.post("/bookings/" + id + "/edit", fields);

        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(saved.header("Location").orElseThrow()).contains("/bookings/" + id);
        app.bookings().awaitSettled(id, 2);
        JsonNode after = storedBody(id, 2);
        ObjectNode expected = before.deepCopy();
        ((ObjectNode) expected.get("guest")).put("party_size", 8);
        assertThat(after)
                .as("only the party size changed; revenue, notes and crew stay")
                .isEqualTo(expected);
        assertThat(dispatcher.get("/bookings/" + id + "?done=saved").body()).contains("Saved.");

        ConsoleClient.Page unchanged = dispatcher.post("/bookings/" + id + "/edit", withVersion(fields, "2"));
        assertThat(unchanged.header("Location").orElseThrow()).contains("done=unchanged");
        assertThat(TestDatabase.count("select count(*) from booking_version where booking_id = '" + id + "'"))
                .isEqualTo(2);
    }

    @Test
    void an_invalid_value_answers_400_with_the_error_next_to_its_field_and_a_stale_form_answers_409() {
        String id = syncedBooking();
        Map<String, String> fields =
                HtmlForm.fields(owner.get("/bookings/" + id + "/edit").body(), "/bookings/" + id + "/edit");
        fields.put("guest.party_size", "lots");
        fields.put("guest.email", "not an address");
        fields.put("crew[1].members[1]", "nobody-like-this");

        ConsoleClient.Page refused = owner.post("/bookings/" + id + "/edit", fields);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Nothing was saved")
                .containsPattern(
                        "id=\"f-guest-party_size\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"error-f-guest-party_size\"")
                .contains("id=\"error-f-guest-party_size\"", "id=\"error-f-guest-email\"")
                .contains("value=\"lots\"", "not in the roster");
        assertThat(app.bookings().status(id).get("version").asInt()).isEqualTo(1);

        fields.put("guest.party_size", "9");
        fields.put("guest.email", "guest@example.com");
        fields.put("crew[1].members[1]", "crew-2");
        app.http()
                .send(
                        "PATCH",
                        "/api/bookings/" + id,
                        "{\"location\": \"Fuel dock\"}",
                        "application/merge-patch+json",
                        TestHttp.As.OPERATOR);
        app.bookings().awaitSettled(id, 2);
        ConsoleClient.Page stale = owner.post("/bookings/" + id + "/edit", fields);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("changed meanwhile", "Reopen the form");
        assertThat(app.bookings().status(id).at("/booking/guest/party_size").asInt())
                .isEqualTo(6);
    }

    @Test
    void cancelling_needs_the_form_token_and_the_confirmation_says_who_is_told() {
        String id = syncedBooking();
        ConsoleClient.Page confirm = dispatcher.get("/bookings/" + id + "/cancel");
        assertThat(confirm.body()).contains("Cancel this booking?", "(captain)", "the guest, Boatsetter Guest");

        ConsoleClient.Page forged = dispatcher.post("/bookings/" + id + "/cancel", form("csrf", "forged"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(app.bookings().status(id).get("version").asInt()).isEqualTo(1);

        ConsoleClient.Page cancelled = dispatcher.post("/bookings/" + id + "/cancel", form("csrf", dispatcher.csrf()));
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(app.bookings().awaitSettled(id, 2).get("state").asText()).isEqualTo("cancelled");
        assertThat(dispatcher.get("/bookings/" + id).body()).contains("This booking is cancelled");
        assertThat(dispatcher.get("/bookings/" + id + "/edit").status()).isEqualTo(409);
        assertThat(dispatcher.get("/bookings/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void the_new_booking_form_books_with_source_console_or_names_each_wrong_field() {
        ConsoleClient.Page blank = owner.get("/bookings/new");
        Map<String, String> fields = HtmlForm.fields(blank.body(), "/bookings");
        fields.put("guest.name", "");
        fields.put("guest.email", "nope");
        fields.put("duration_hours", "0");
        fields.put("boat", "JADA");
        fields.put("location", "Sheraton Marina");

        ConsoleClient.Page refused = owner.post("/bookings", fields);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"error-f-guest-name\"", "id=\"error-f-guest-email\"", "id=\"error-f-duration_hours\"")
                .contains("value=\"nope\"");
        assertThat(TestDatabase.count("select count(*) from booking")).isZero();

        fields.put("guest.name", "Walk-in Guest");
        fields.put("guest.email", "walkin@example.com");
        fields.put("guest.party_size", "4");
        fields.put("duration_hours", "2.5");
        fields.put("crew[0].role", "captain");
        fields.put("crew[0].count", "1");
        fields.put("crew[0].hourly_rate", "50");
        fields.put("crew[0].members[0]", "captain-1");
        fields.put("revenue.amount", "300");
        ConsoleClient.Page created = owner.post("/bookings", fields);

        assertThat(created.status()).as(created.body()).isEqualTo(303);
        String id = created.header("Location").orElseThrow().replaceAll(".*/bookings/([^?]+).*", "$1");
        JsonNode status = app.bookings().awaitSettled(id, 1);
        assertThat(status.get("source").asText()).isEqualTo("console");
        assertThat(status.at("/booking/guest/party_size").asInt()).isEqualTo(4);
        assertThat(status.at("/booking/crew_assignments/0/members/0").asText()).isEqualTo("captain-1");
        assertThat(status.at("/booking/revenue/amount").decimalValue()).isEqualByComparingTo("300");
    }

    private static Map<String, String> withVersion(Map<String, String> fields, String version) {
        fields.put("version", version);
        return fields;
    }

    private static JsonNode storedBody(String id, int version) {
        String body = TestDatabase.strings("select body::text from booking_version where booking_id = '" + id
                        + "' and version = " + version)
                .getFirst();
        try {
            return Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> links(String html, String prefix) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"(" + Pattern.quote(prefix) + "[^\"]+)\"")
                .matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }
}
