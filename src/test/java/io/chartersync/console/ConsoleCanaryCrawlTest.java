package io.chartersync.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Canaries;
import io.chartersync.testsupport.ConsoleClient;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dispatcher canary scan: bookings with a unique revenue figure and a unique internal note, and every
 * console page a dispatcher can reach by following links from the board (the board, Needs attention, the
 * lists, each booking's page, its edit form, its emails, crew, boats, the mailbox) is scanned for either, in
 * any formatting. The same crawl as an owner must find them (so the scan reaches the pages that show them),
 * and no page answers an error to either.
 */
class ConsoleCanaryCrawlTest {
    private static final String PASSWORD = "a sea-worthy password";
    private static final String REVENUE = "7654321.89";
    private static final String INTERNAL_NOTE = "Payout by wire, ref CANARY-K3M8P; never tell a dispatcher";
    private static final List<String> FORBIDDEN = Stream.concat(
                    Canaries.printedForms(7654321).stream(), Stream.of("CANARY-K3M8P", "Payout by wire"))
            .toList();
    /** Links the crawl does not follow: sign-out is a form, assets and the crew and guest sides are not the console. */
    private static final Pattern SKIPPED = Pattern.compile(
            "^/(logout|console/|favicon|g/|m/|uploads/|calendar\\.ics|api/|events|healthz|readyz|metrics).*");

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    private String bookingId;

    @BeforeEach
    void bookings_with_revenue_and_an_internal_note() {
        ObjectNode booking = Examples.futureBooking(2);
        booking.withObjectProperty("revenue").put("amount", REVENUE);
        booking.withObjectProperty("notes").put("internal", INTERNAL_NOTE);
        JsonNode synced = app.bookings().submitAndSync(booking, 1);
        bookingId = synced.get("id").asText();
        ObjectNode withoutCrew = Examples.futureBooking(3);
        withoutCrew.put("external_id", "canary-no-crew");
        withoutCrew.withObjectProperty("revenue").put("amount", REVENUE);
        withoutCrew.withObjectProperty("notes").put("internal", INTERNAL_NOTE);
        withoutCrew.putArray("crew_assignments");
        app.bookings().submitAndSync(withoutCrew, 1);
        ConsoleUsers.run(app, PASSWORD, "add", "owner@charters.example.com", "--role", "owner", "--password-stdin");
        ConsoleUsers.run(
                app, PASSWORD, "add", "dispatch@charters.example.com", "--role", "dispatcher", "--password-stdin");
    }

    @Test
    void no_page_a_dispatcher_can_reach_shows_revenue_or_the_internal_note() {
        Map<String, String> pages = crawl("dispatch@charters.example.com");

        assertThat(pages.keySet())
                .as("the crawl reaches the board, Needs attention, Feeds and the booking's own page")
                .contains("/", "/attention", "/feeds", "/bookings/" + bookingId);
        List<String> leaks = new ArrayList<>();
        pages.forEach((path, body) ->
                FORBIDDEN.stream().filter(body::contains).forEach(form -> leaks.add(path + " shows " + form)));
        assertThat(leaks).as("revenue or internal note on a dispatcher's page").isEmpty();
    }

    @Test
    void an_owner_reaches_the_same_pages_and_sees_revenue_and_the_internal_note_on_the_booking() {
        Map<String, String> pages = crawl("owner@charters.example.com");

        assertThat(pages.get("/bookings/" + bookingId))
                .as("the owner's booking page: the scan's canaries are printed where an owner may see them")
                .contains("CANARY-K3M8P")
                .containsAnyOf(Canaries.printedForms(7654321).toArray(String[]::new));
    }

    /** Signs in as {@code email} and follows every console link from the board; every page answers 200. */
    private Map<String, String> crawl(String email) {
        ConsoleClient client = new ConsoleClient(app.baseUrl());
        assertThat(client.signIn(email, PASSWORD).status()).isEqualTo(303);
        Map<String, String> seen = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> queued = new LinkedHashSet<>(queue);
        while (!queue.isEmpty() && seen.size() < 150) {
            String path = queue.poll();
            ConsoleClient.Page page = client.get(path);
            assertThat(page.status())
                    .as("%s as %s: %s", path, email, page.body())
                    .isIn(200, 403);
            seen.put(path, page.body());
            Matcher links = HREF.matcher(page.body());
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                if (!SKIPPED.matcher(link).matches() && queued.add(link)) {
                    queue.add(link);
                }
            }
        }
        return seen;
    }
}
