package io.chartersync.console;

import static io.chartersync.testsupport.ConsoleClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Canaries;
import io.chartersync.testsupport.ConsoleClient;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The board, Needs attention and its fixes that work on a healthy program (replace a crew member, resend an
 * invitation), over real HTTP, PostgreSQL and the mail files; owners and dispatchers alike; CSRF, bad input.
 */
class ConsoleFixesTest {
    static final String OWNER = "owner@charters.example.com";
    static final String DISPATCHER = "desk@charters.example.com";
    static final String PASSWORD = "a sea-worthy password";
    static final long REVENUE = 7654321;
    static final String INTERNAL = "Internal canary note QX81";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    private ConsoleClient owner;
    private ConsoleClient dispatcher;

    @BeforeEach
    void users_and_a_fourth_crew_member() {
        ConsoleUsers.run(app, PASSWORD, "add", OWNER, "--role", "owner", "--password-stdin");
        ConsoleUsers.run(app, PASSWORD, "add", DISPATCHER, "--role", "dispatcher", "--password-stdin");
        owner = new ConsoleClient(app.baseUrl());
        owner.signIn(OWNER, PASSWORD);
        dispatcher = new ConsoleClient(app.baseUrl());
        dispatcher.signIn(DISPATCHER, PASSWORD);
        owner.get("/");
        dispatcher.get("/");
        app.http()
                .put(
                        "/api/crew/crew-3",
                        "{\"id\": \"crew-3\", \"name\": \"Casey Diaz\", \"email\": \"crew-3@crew.example.com\","
                                + " \"roles\": [\"crew\"]}",
                        TestHttp.As.OPERATOR);
    }

    /** The example booking two days ahead, with a revenue canary and an internal note. */
    static ObjectNode booking() {
        ObjectNode b = Examples.futureBooking(2);
        b.withObjectProperty("revenue").put("amount", REVENUE + ".89");
        b.withObjectProperty("notes").put("internal", INTERNAL);
        return b;
    }

    @Test
    void the_board_shows_the_weeks_charters_by_boat_with_crew_answers_and_systems_and_never_revenue_to_a_dispatcher() {
        String id = app.bookings().submitAndSync(booking(), 1).get("id").asText();

        String board = owner.get("/").body();
        assertThat(board)
                .contains("<h2 class=\"lane-boat\">JADA</h2>", "/bookings/" + id, "09:00–12:00", "Boatsetter Guest")
                .contains("6 guests", "Alex Rivera", "Sam Lee", "Jordan Park", "… waiting")
                .contains("<dt>Calendar</dt><dd class=\"sys sys-done\">✓ done</dd>")
                .contains(
                        "<dt>Crew</dt>", "<dt>Guest page</dt>", "<dt>Email</dt><dd class=\"sys sys-done\">✓ sent</dd>")
                .contains("hx-trigger=\"every 5s\"", "hx-select-oob=\"#attention-count\"", ">Refresh</a>", "Drawn at");
        noRevenueNorNote(dispatcher.get("/").body());

        LocalDate nextWeek = LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(7);
        assertThat(owner.get("/?from=" + nextWeek).body())
                .doesNotContain("Boatsetter Guest")
                .contains("No charters");
        ConsoleClient.Page bad = owner.get("/?from=next-tuesday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("next-tuesday", "is not a date");
    }

    @Test
    void replace_puts_the_chosen_member_in_the_decliners_place_and_the_new_member_is_invited() {
        String id = app.bookings().submitAndSync(booking(), 1).get("id").asText();
        String token = Mailbox.magicToken(app.mailbox().to("crew-2", "Confirm").getFirst());
        assertThat(CrewPages.answer(app.http(), token, "decline").status()).isIn(200, 303);

        String attention = dispatcher.get("/attention").body();
        assertThat(attention)
                .contains("Crew declined:", "Jordan Park (crew) declined", "Replace Jordan Park")
                .contains(
                        "action=\"/bookings/" + id + "/replace\"",
                        "<option value=\"crew-3\">Casey Diaz (crew)</option>")
                .doesNotContain("<option value=\"crew-1\"");
        noRevenueNorNote(attention);
        String path = "/bookings/" + id + "/replace";
        refused(
                dispatcher.post(path, fields("crew-2", "nobody", "/attention")),
                400,
                "is not an active member of the roster");
        refused(dispatcher.post(path, fields("crew-2", "crew-1", "/attention")), 400, "crew already");
        refused(dispatcher.post(path, fields("crew-9", "crew-3", "/attention")), 400, "is not on this charter");
        refused(dispatcher.post(path, fields("crew-2", "crew-3", "//evil.example/")), 400, "back: must be a path");
        refused(dispatcher.post(path, form("member", "crew-2", "with", "crew-3")), 403, "could not be accepted");
        refused(
                dispatcher.post("/bookings/" + UUID.randomUUID() + "/replace", fields("crew-2", "crew-3", "/")),
                404,
                "Not found");
        refused(dispatcher.post("/bookings/not-a-uuid/replace", fields("crew-2", "crew-3", "/")), 404, "Not found");
        assertThat(app.bookings().status(id).get("version").asInt())
                .as("nothing changed")
                .isEqualTo(1);

        ConsoleClient.Page done = dispatcher.post(path, fields("crew-2", "crew-3", "/attention"));

        assertThat(done.status()).isEqualTo(303);
        assertThat(done.header("Location")).hasValue("/attention?done=replace");
        JsonNode synced = app.bookings().awaitSettled(id, 2);
        assertThat(synced.at("/booking/crew_assignments/1/members").toString()).isEqualTo("[\"crew-1\",\"crew-3\"]");
        assertThat(synced.at("/booking/crew_assignments/1/hourly_rate").asInt()).isEqualTo(25);
        assertThat(app.mailbox().to("crew-3", "Confirm")).hasSize(1);
        String after = dispatcher.get("/attention?done=replace").body();
        assertThat(after).contains("Crew replaced.").doesNotContain("declined");
    }

    @Test
    void resend_invitation_sends_the_same_link_again_once_per_window() {
        String id = app.bookings().submitAndSync(booking(), 1).get("id").asText();
        String path = "/bookings/" + id + "/resend";
        String first = Mailbox.magicToken(app.mailbox().to("crew-1", "Confirm").getFirst());

        ConsoleClient.Page done = owner.post(path, form("csrf", owner.csrf(), "member", "crew-1"));

        assertThat(done.status()).as(done.body()).isEqualTo(303);
        assertThat(done.header("Location")).hasValue("/bookings/" + id + "?done=invitation");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.mailbox().to("crew-1", "Confirm").size() == 2);
        assertThat(app.mailbox().to("crew-1", "Confirm"))
                .allSatisfy(email -> assertThat(Mailbox.magicToken(email)).isEqualTo(first));
        refused(owner.post(path, form("csrf", owner.csrf(), "member", "crew-1")), 409, "was resent a moment ago");
        refused(owner.post(path, form("csrf", owner.csrf(), "member", "crew-9")), 404, "crew-9");
        refused(
                owner.post(
                        path,
                        form(
                                "csrf",
                                owner.csrf(),
                                "member",
                                "crew-1",
                                "email",
                                UUID.randomUUID().toString())),
                400,
                "either member");
        refused(owner.post(path, form("csrf", owner.csrf())), 400, "either member");
        refused(owner.post(path, form("member", "crew-1")), 403, "could not be accepted");
        refused(owner.post("/bookings/" + id + "/retry", form("member", "crew-1")), 403, "could not be accepted");
        refused(owner.post("/bookings/" + id + "/retry", form("csrf", owner.csrf())), 409, "it is synced");
        assertThat(app.mailbox().to("crew-1", "Confirm")).hasSize(2);
    }

    private java.util.Map<String, String> fields(String member, String with, String back) {
        return form("csrf", dispatcher.csrf(), "member", member, "with", with, "back", back);
    }

    @Test
    void a_clash_on_the_boat_links_to_the_other_booking() {
        String first = app.bookings().submitAndSync(booking(), 1).get("id").asText();
        ObjectNode clash = booking();
        clash.put("external_id", "BS-CLASH-1");
        clash.withObjectProperty("guest").put("name", "Second Party");
        String second = app.bookings().submitAndSync(clash, 1).get("id").asText();

        String attention = dispatcher.get("/attention").body();

        assertThat(attention).contains("Conflict:", "Open the other booking");
        assertThat(attention)
                .as("each side links to the other")
                .contains("href=\"/bookings/" + first + "\">Open the other booking")
                .satisfiesAnyOf(
                        page -> assertThat(page).contains("href=\"/bookings/" + second + "\">Open the other booking"),
                        page -> assertThat(app.bookings()
                                        .status(first)
                                        .get("attention")
                                        .findValuesAsText("kind"))
                                .doesNotContain("conflict"));
    }

    /** A page a dispatcher saw: the booking is there, its revenue and internal note are not. */
    private static void noRevenueNorNote(String page) {
        assertThat(page).contains("Boatsetter Guest").doesNotContain(INTERNAL);
        Canaries.printedForms(REVENUE)
                .forEach(form ->
                        assertThat(page).as("revenue on a dispatcher's page").doesNotContain(form));
    }

    private static void refused(ConsoleClient.Page page, int status, String says) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.body()).contains(says);
    }
}
