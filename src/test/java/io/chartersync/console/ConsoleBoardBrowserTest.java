package io.chartersync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chartersync.testsupport.Browser;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The board and Needs attention in Debian's Chromium at 390 px and 1280 px, with JavaScript and without: the
 * board updates by itself when crew answer, a decline is replaced in one action, and a sync stuck on broken
 * storage shows why and finishes on Retry once storage is back. Screenshots under target/screenshots/.
 */
class ConsoleBoardBrowserTest {
    private static final Pattern RETRY_AT = Pattern.compile("retrying at (\\S+)$");

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @RegisterExtension
    static final Browser browser = new Browser();

    @BeforeEach
    void an_owner_and_a_fourth_crew_member() {
        ConsoleUsers.run(
                app, ConsoleFixesTest.PASSWORD, "add", ConsoleFixesTest.OWNER, "--role", "owner", "--password-stdin");
        app.http()
                .put(
                        "/api/crew/crew-3",
                        "{\"id\": \"crew-3\", \"name\": \"Casey Diaz\", \"email\": \"crew-3@crew.example.com\","
                                + " \"roles\": [\"crew\"]}",
                        TestHttp.As.OPERATOR);
    }

    @Test
    void the_board_updates_by_itself_and_a_decline_is_replaced_in_one_action_at_both_sizes() {
        String id = app.bookings()
                .submitAndSync(Examples.futureBooking(3), 1)
                .get("id")
                .asText();
        String samLee = token("crew-1");
        String jordanPark = token("crew-2");
        ObjectNode other = Examples.futureBooking(4);
        other.put("boat", "Seabird");
        other.put("external_id", "BS-SEABIRD-1");
        other.withObjectProperty("guest").put("name", "Morgan Hale");
        app.bookings().submitAndSync(other, 1);
        ObjectNode cancelled = Examples.futureBooking(2);
        cancelled.put("external_id", "BS-CANCELLED-1");
        cancelled.withObjectProperty("guest").put("name", "Riley Stone");
        String gone = app.bookings().submitAndSync(cancelled, 1).get("id").asText();
        app.http().post("/api/bookings/" + gone + "/cancel", "", TestHttp.As.OPERATOR);
        app.bookings().awaitSettled(gone, 2);
        List<String> problems = new ArrayList<>();

        Page desktop = signedIn(browser.desktop(true), problems);
        Locator card = desktop.locator(".charter", new Page.LocatorOptions().setHasText("Boatsetter Guest"));
        assertThat(card.textContent())
                .contains("Alex Rivera", "… waiting", "Calendar", "✓ done", "Guest page", "Email");
        assertThat(desktop.locator(".charter.cancelled").textContent()).contains("Riley Stone", "cancelled");
        assertThat(desktop.locator("#attention-count").textContent()).isEqualTo("0");
        desktop.evaluate("() => { window.boardNotReloaded = true; }");
        CrewPages.answer(app.http(), samLee, "confirm");
        CrewPages.answer(app.http(), jordanPark, "decline");

        waitFor(() -> card.locator(".crew li", new Locator.LocatorOptions().setHasText("Sam Lee"))
                        .textContent()
                        .contains("✓ confirmed")
                && desktop.locator("#attention-count").textContent().equals("1"));
        assertThat(desktop.evaluate("() => window.boardNotReloaded === true")).isEqualTo(true);
        assertThat(card.textContent()).contains("✗ declined", "Crew declined");
        checkPage(desktop, "console-board-desktop.png");
        desktop.navigate(app.baseUrl() + "/attention");
        checkPage(desktop, "console-attention-desktop.png");

        Page phone = signedIn(browser.phone(), problems);
        checkPage(phone, "console-board-phone.png");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Needs attention"))
                .click();
        phone.waitForURL("**/attention");
        assertThat(phone.locator("main").textContent()).contains("Jordan Park (crew) declined");
        checkPage(phone, "console-attention-phone.png");
        phone.getByLabel("Replace Jordan Park with").selectOption("crew-3");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replace Jordan Park"))
                .click();
        phone.waitForURL("**/attention?done=replace");
        assertThat(phone.getByRole(AriaRole.STATUS).first().textContent()).contains("Crew replaced");
        app.bookings().awaitSettled(id, 2);
        assertThat(app.mailbox().to("crew-3", "Confirm")).hasSize(1);
        phone.reload();
        assertThat(phone.locator("main").textContent()).doesNotContain("declined");

        Page noScript = signedIn(browser.phoneWithoutJavaScript(), problems);
        assertThat(noScript.locator("main").textContent()).contains("Casey Diaz", "Morgan Hale", "Drawn at");
        noScript.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Refresh"))
                .click();
        noScript.waitForURL("**/?from=*");
        checkPage(noScript, "console-board-phone-nojs.png");
        assertThat(problems).as("console errors, CSP violations").isEmpty();
    }

    @Test
    void a_sync_stuck_on_broken_storage_shows_why_and_retry_finishes_it_once_storage_is_back() throws IOException {
        Path pages = app.siteDir().resolve("g");
        Files.createDirectories(app.siteDir());
        Files.writeString(pages, "not a directory: the guest pages cannot be written");
        try {
            String id = app.bookings().submit(Examples.futureBooking(2));
            List<String> problems = new ArrayList<>();
            Page page = signedIn(browser.desktop(true), problems);
            Locator problem = page.locator(".sync-problem");
            waitFor(() -> problem.count() == 1 && problem.textContent().contains("retrying at"));
            assertThat(problem.textContent()).contains("Sync:", "attempt");
            JsonNode stuck = awaitAttempt(id, 3);
            Matcher next = RETRY_AT.matcher(stuck.get("error").asText());
            assertThat(next.find()).as(stuck.get("error").asText()).isTrue();
            Instant backoffRetry = Instant.parse(next.group(1));
            Files.delete(pages);

            page.reload();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry now"))
                    .click();

            page.waitForURL("**/?from=*");
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> app.bookings().status(id).get("state").asText().equals("synced"));
            assertThat(Instant.now())
                    .as("synced by the retry, before backoff's own")
                    .isBefore(backoffRetry);
            waitFor(() -> page.locator(".sync-problem").count() == 0);
            assertThat(page.locator(".charter").textContent()).contains("Guest page", "✓ done");
            assertThat(problems).as("console errors, CSP violations").isEmpty();
        } finally {
            if (Files.isRegularFile(pages)) {
                Files.delete(pages);
            }
        }
    }

    private static JsonNode awaitAttempt(String id, int attempt) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    last[0] = app.bookings().status(id);
                    return last[0].path("error").asText().startsWith("attempt " + attempt + " failed");
                });
        return last[0];
    }

    private static String token(String member) {
        return Mailbox.magicToken(app.mailbox().to(member, "Confirm").getFirst());
    }

    private static Page signedIn(BrowserContext context, List<String> problems) {
        Page page = context.newPage();
        problems.addAll(Browser.problems(page));
        page.navigate(app.baseUrl() + "/login");
        page.getByLabel("Email").fill(ConsoleFixesTest.OWNER);
        page.getByLabel("Password").fill(ConsoleFixesTest.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> url.endsWith("/"));
        return page;
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(condition);
    }

    private static void checkPage(Page page, String screenshot) {
        Browser.assertNoHorizontalScroll(page);
        List<String> violations = Browser.accessibilityViolations(page);
        assertThat(violations)
                .as("accessibility violations on %s:%n  %s", page.url(), String.join("\n  ", violations))
                .isEmpty();
        Browser.screenshot(page, screenshot);
    }
}
