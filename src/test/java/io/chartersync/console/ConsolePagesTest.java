package io.chartersync.console;

import static io.chartersync.testsupport.ConsoleClient.form;
import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.AuditTrail;
import io.chartersync.testsupport.Canaries;
import io.chartersync.testsupport.ConsoleClient;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's Bookings, Crew, Boats and Settings pages over real HTTP and PostgreSQL: each form's happy path,
 * bad input (400, the error next to its field, nothing changed), CSRF refusal, owners-only settings, and what
 * the pages change elsewhere (the roster API, intake, guest pages and emails).
 */
class ConsolePagesTest {
    private static final String OWNER = "owner@charters.example.com";
    private static final String DISPATCHER = "dispatcher@charters.example.com";
    private static final String PASSWORD = "a sea-worthy password";
    private static final String REVENUE = "7654321.89";
    private static final String INTERNAL = "CANARY-INTERNAL-NOTE-Q7Z9X";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    private ConsoleClient owner;

    @BeforeEach
    void an_owner_signed_in() {
        ConsoleUsers.run(app, PASSWORD, "add", OWNER, "--role", "owner", "--password-stdin");
        owner = new ConsoleClient(app.baseUrl());
        assertThat(owner.signIn(OWNER, PASSWORD).status()).isEqualTo(303);
    }

    @Test
    void bookings_are_searched_filtered_and_paged_and_a_bad_date_is_shown_next_to_its_field() {
        List<String> ids = new java.util.ArrayList<>();
        for (int day = 3; day <= 5; day++) {
            ObjectNode b = Examples.futureBooking(day);
            b.withObjectProperty("guest").put("name", "Guest Day" + day);
            ids.add(app.bookings().submit(b));
        }
        ids.forEach(id -> app.bookings().awaitSettled(id, 1));

        ConsoleClient.Page search = owner.get("/bookings?q=day4&state=&boat=&from=&to=");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).contains("Guest Day4", "/bookings/new").doesNotContain("Guest Day3", "Guest Day5");
        assertThat(owner.get("/bookings?boat=jada%20").body())
                .as("boats match case-insensitively and trimmed")
                .contains("Guest Day3", "Guest Day4", "Guest Day5");

        ConsoleClient.Page first = owner.get("/bookings?limit=2");
        assertThat(first.body()).contains("Guest Day5", "Guest Day4").doesNotContain("Guest Day3");
        String next = href(first.body(), "Next page");
        ConsoleClient.Page second = owner.get(next);
        assertThat(second.body()).contains("Guest Day3", "First page").doesNotContain("Guest Day5");

        ConsoleClient.Page bad = owner.get("/bookings?from=30-02-2026&q=day4");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body())
                .contains("id=\"from-error\"", "aria-invalid=\"true\"", "value=\"30-02-2026\"", "value=\"day4\"")
                .contains("Please check what you entered");
    }

    @Test
    void
            a_dispatcher_opens_bookings_crew_and_boats_without_seeing_revenue_or_the_internal_note_and_gets_403_on_settings() {
        ObjectNode booking = Examples.futureBooking(3);
        booking.withObjectProperty("revenue").put("amount", REVENUE);
        booking.withObjectProperty("notes").put("internal", INTERNAL);
        app.bookings().submitAndSync(booking, 1);
        ConsoleUsers.run(app, PASSWORD, "add", DISPATCHER, "--role", "dispatcher", "--password-stdin");
        ConsoleClient dispatcher = new ConsoleClient(app.baseUrl());
        dispatcher.signIn(DISPATCHER, PASSWORD);

        for (String path :
                List.of("/bookings", "/bookings?q=guest", "/crew", "/crew/captain-1", "/boats", "/boats/JADA")) {
            ConsoleClient.Page page = dispatcher.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain(INTERNAL).doesNotContain("Settings</a>");
            for (String form : Canaries.printedForms(7654321)) {
                assertThat(page.body())
                        .as("%s shows the revenue as %s", path, form)
                        .doesNotContain(form);
            }
        }
        assertThat(dispatcher.get("/crew/captain-1").body()).contains("Upcoming charters", "as captain", "waiting");

        assertThat(dispatcher.get("/settings").status()).isEqualTo(403);
        String csrf = dispatcher.csrf();
        for (String path : List.of("/settings", "/settings/users", "/settings/users/reset", "/settings/users/remove")) {
            ConsoleClient.Page refused =
                    dispatcher.post(path, form("csrf", csrf, "name", "Taken Over", "email", OWNER, "role", "owner"));
            assertThat(refused.status()).as(path).isEqualTo(403);
        }
        assertThat(TestDatabase.count("select count(*) from operator_setting")).isZero();
        assertThat(TestDatabase.count("select count(*) from console_user where disabled_at is null"))
                .isEqualTo(2);
    }

    @Test
    void crew_is_added_with_an_id_from_the_name_edited_deactivated_and_reactivated_as_the_api_and_intake_see_it() {
        owner.get("/crew/new");
        ConsoleClient.Page refused = owner.post(
                "/crew",
                form("csrf", owner.csrf(), "name", "Ana María", "id", "", "email", "not-an-email", "roles", "crew"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"email-error\"", "value=\"Ana María\"", "value=\"not-an-email\"");
        assertThat(TestDatabase.count("select count(*) from crew_member")).isEqualTo(3);
        assertThat(owner.post("/crew", form("name", "Ana María", "email", "ana@crew.example.com"))
                        .status())
                .as("without the CSRF token")
                .isEqualTo(403);
        assertThat(TestDatabase.count("select count(*) from crew_member")).isEqualTo(3);

        ConsoleClient.Page added = owner.post(
                "/crew",
                form(
                        "csrf",
                        owner.csrf(),
                        "name",
                        "Ana María",
                        "id",
                        "",
                        "email",
                        "ana@crew.example.com",
                        "roles",
                        "crew, captain",
                        "phone",
                        ""));
        assertThat(added.status()).isEqualTo(303);
        assertThat(added.header("Location")).contains("/crew/ana-maria?saved=added");
        assertThat(owner.get("/crew").body()).contains("Ana María", "/crew/ana-maria");
        owner.get("/crew/ana-maria");
        assertThat(owner.post(
                                "/crew/ana-maria",
                                form(
                                        "csrf",
                                        owner.csrf(),
                                        "name",
                                        "Ana María Soto",
                                        "email",
                                        "ana@crew.example.com",
                                        "roles",
                                        "crew",
                                        "phone",
                                        "+1 619 555 0199"))
                        .status())
                .isEqualTo(303);
        JsonNode ana = member("ana-maria");
        assertThat(ana.get("name").asText()).isEqualTo("Ana María Soto");
        assertThat(ana.get("active").asBoolean()).isTrue();

        assertThat(owner.post("/crew/ana-maria/deactivate", form("csrf", owner.csrf()))
                        .status())
                .isEqualTo(303);
        assertThat(member("ana-maria").get("active").asBoolean()).isFalse();
        assertThat(owner.get("/crew").body()).contains("Deactivated");
        ObjectNode booking = Examples.futureBooking(4);
        booking.withArray("crew_assignments")
                .addObject()
                .put("role", "deckhand")
                .put("count", 1)
                .put("hourly_rate", 20)
                .putArray("members")
                .add("ana-maria");
        TestHttp.Response intake = app.http().post("/api/bookings", booking.toString(), OPERATOR);
        assertThat(intake.status()).isEqualTo(400);
        assertThat(intake.json().withArray("/errors").size()).isEqualTo(1);
        assertThat(intake.json().at("/errors/0/field").asText()).isEqualTo("crew_assignments");
        assertThat(intake.json().at("/errors/0/detail").asText()).contains("crew member 'ana-maria' is deactivated");

        owner.get("/crew/ana-maria");
        owner.post("/crew/ana-maria/reactivate", form("csrf", owner.csrf()));
        assertThat(member("ana-maria").get("active").asBoolean()).isTrue();
        TestHttp.Response accepted = app.http().post("/api/bookings", booking.toString(), OPERATOR);
        assertThat(accepted.status()).isEqualTo(201);
        app.bookings().awaitSettled(accepted.json().get("id").asText(), 1);
        assertThat(AuditTrail.actions("crew-member:ana-maria"))
                .containsExactly(
                        "crew-member.created by console:" + OWNER,
                        "crew-member.updated by console:" + OWNER,
                        "crew-member.deactivated by console:" + OWNER,
                        "crew-member.reactivated by console:" + OWNER);
    }

    @Test
    void a_deactivated_member_stays_on_the_booking_they_are_on_when_it_changes() {
        String id = app.bookings().submit(Examples.futureBooking(3));
        owner.get("/crew/crew-2");
        owner.post("/crew/crew-2/deactivate", form("csrf", owner.csrf()));

        TestHttp.Response patch = app.http()
                .send(
                        "PATCH",
                        "/api/bookings/" + id,
                        "{\"duration_hours\": 4}",
                        "application/merge-patch+json",
                        OPERATOR);

        assertThat(patch.status()).as(patch.body()).isEqualTo(200);
        app.bookings().awaitSettled(id, 2);
        assertThat(owner.get("/crew/crew-2").body())
                .contains("Upcoming charters")
                .doesNotContain("None:");
    }

    @Test
    void a_boats_meeting_point_and_map_link_show_on_its_guest_page_after_a_save() {
        JsonNode synced = app.bookings().submitAndSync(Examples.futureBooking(3), 1);
        String guestPage = GuestPages.path(app, synced);
        assertThat(owner.get("/boats").body()).contains("JADA", "1 upcoming charter");

        owner.get("/boats/JADA");
        ConsoleClient.Page bad = owner.post(
                "/boats/JADA",
                form(
                        "csrf",
                        owner.csrf(),
                        "display_name",
                        "Jada",
                        "meeting_point",
                        "Harbor Island, dock 3",
                        "map_url",
                        "http://maps.example.com/dock3",
                        "what_to_bring",
                        "Sunscreen"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"map_url-error\"", "https link", "value=\"Harbor Island, dock 3\"");
        ConsoleClient.Page renamed = owner.post(
                "/boats/JADA",
                form(
                        "csrf",
                        owner.csrf(),
                        "display_name",
                        "Other boat",
                        "meeting_point",
                        "",
                        "map_url",
                        "",
                        "what_to_bring",
                        "Sunscreen"));
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.body()).contains("id=\"display_name-error\"");
        assertThat(app.http().get(guestPage, NOBODY).body()).doesNotContain("Harbor Island");

        ConsoleClient.Page saved = owner.post(
                "/boats/JADA",
                form(
                        "csrf",
                        owner.csrf(),
                        "display_name",
                        "Jada",
                        "meeting_point",
                        "Harbor Island, dock 3",
                        "map_url",
                        "https://maps.example.com/?q=dock+3",
                        "what_to_bring",
                        "Sunscreen\n\nA warm jacket\n"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).contains("/boats/Jada?saved=1");
        String html = app.http().get(guestPage, NOBODY).body();
        assertThat(html)
                .contains(
                        "Meeting point",
                        "Harbor Island, dock 3",
                        "href=\"https://maps.example.com/?q=dock+3\"",
                        "A warm jacket");
        JsonNode api = app.http().get("/api/boats/jada", OPERATOR).json();
        assertThat(api.get("boat").asText()).isEqualTo("Jada");
        assertThat(api.get("meeting_point").asText()).isEqualTo("Harbor Island, dock 3");

        TestHttp.Response put =
                app.http().put("/api/boats/JADA", "{\"what_to_bring\": [\"Hat\"], \"map_url\": null}", OPERATOR);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("meeting_point").asText())
                .as("absent: unchanged")
                .isEqualTo("Harbor Island, dock 3");
        assertThat(put.json().get("map_url").isNull()).as("null: cleared").isTrue();
        TestHttp.Response refused = app.http()
                .put("/api/boats/JADA", "{\"what_to_bring\": [], \"map_url\": \"javascript:alert(1)\"}", OPERATOR);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("map_url");
    }

    @Test
    void the_settings_contact_takes_the_place_of_the_environment_on_guest_pages_and_emails() {
        ConsoleClient.Page settings = owner.get("/settings");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body()).contains("/calendar.ics?token=", OWNER, "has a password", "(you)");

        ConsoleClient.Page bad = owner.post(
                "/settings",
                form("csrf", owner.csrf(), "name", "Harbor Charters", "phone", "call me maybe", "email", "harbor@"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"phone-error\"", "id=\"email-error\"", "value=\"Harbor Charters\"");
        assertThat(TestDatabase.count("select count(*) from operator_setting")).isZero();
        assertThat(owner.post("/settings", form("name", "Harbor Charters")).status())
                .as("no CSRF token")
                .isEqualTo(403);

        ConsoleClient.Page saved = owner.post(
                "/settings",
                form(
                        "csrf",
                        owner.csrf(),
                        "name",
                        "Harbor Charters",
                        "phone",
                        "+1 619 555 0142",
                        "email",
                        "hello@harbor.example.com"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(owner.get("/settings").body()).contains("value=\"Harbor Charters\"");

        JsonNode synced = app.bookings().submitAndSync(Examples.futureBooking(3), 1);
        assertThat(app.http().get(GuestPages.path(app, synced), NOBODY).body())
                .contains("Harbor Charters", "tel:+16195550142", "hello@harbor.example.com");
        assertThat(app.mailbox().containing("Harbor Charters", "guest@example.com"))
                .isNotEmpty();
        assertThat(AuditTrail.actions("settings:operator"))
                .containsExactly("settings.operator-contact.updated by console:" + OWNER);
    }

    @Test
    void an_owner_adds_resets_and_removes_users_but_never_themselves() {
        owner.get("/settings");
        ConsoleClient.Page bad =
                owner.post("/settings/users", form("csrf", owner.csrf(), "email", "nobody", "role", "owner"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"user_email-error\"");

        ConsoleClient.Page added = owner.post(
                "/settings/users",
                form("csrf", owner.csrf(), "email", "second@charters.example.com", "role", "dispatcher"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("/set-password/", "second@charters.example.com", "no password yet");
        assertThat(owner.get("/settings").body()).as("the link shows once").doesNotContain("/set-password/");

        assertThat(owner.post(
                                "/settings/users/reset",
                                form("csrf", owner.csrf(), "email", "second@charters.example.com"))
                        .body())
                .contains("/set-password/");
        ConsoleClient.Page self = owner.post("/settings/users/remove", form("csrf", owner.csrf(), "email", OWNER));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body()).contains("You cannot remove yourself");
        assertThat(owner.post(
                                "/settings/users/remove",
                                form("csrf", owner.csrf(), "email", "second@charters.example.com"))
                        .status())
                .isEqualTo(303);
        assertThat(TestDatabase.count("select count(*) from console_user where disabled_at is null"))
                .isEqualTo(1);
    }

    private static JsonNode member(String id) {
        for (JsonNode m : app.http().get("/api/crew", OPERATOR).json().withArray("/crew")) {
            if (m.get("id").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no member " + id);
    }

    private static String href(String html, String text) {
        Matcher m = Pattern.compile("href=\"([^\"]+)\"[^>]*>" + Pattern.quote(text) + "<")
                .matcher(html);
        assertThat(m.find()).as("a link '%s'", text).isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
