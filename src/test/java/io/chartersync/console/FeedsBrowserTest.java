package io.chartersync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chartersync.testsupport.Browser;
import io.chartersync.testsupport.FeedServer;
import io.chartersync.testsupport.RunningApp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Feeds page in Debian's Chromium: an owner adds a marketplace's calendar link, polls it now, and its
 * booking appears on the board; the marketplace drops it, and Needs attention keeps it in one click; at 1280 px
 * and 390 px, without console errors, CSP violations or sideways
 * scrolling. Screenshots under target/screenshots/.
 */
class FeedsBrowserTest {
    private static final String SECRET_PATH = "/ical/browser-secret-T0K3N/boat.ics";

    @RegisterExtension
    static final RunningApp app =
            new RunningApp().withRoster().withEnvironment(Map.of("FEED_ALLOW_PRIVATE_ADDRESSES", "true"));

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void an_owner_adds_a_feed_polls_it_and_its_booking_appears_on_the_board() {
        ConsoleUsers.run(
                app, ConsoleFixesTest.PASSWORD, "add", ConsoleFixesTest.OWNER, "--role", "owner", "--password-stdin");
        try (FeedServer marketplace = new FeedServer()) {
            Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(2, ChronoUnit.DAYS);
            marketplace.serve(
                    SECRET_PATH, FeedServer.calendar(FeedServer.event("bs-77001", start, 3, "Reserved - Robin Marsh")));
            List<String> problems = new ArrayList<>();
            Page page = signedIn(browser.desktop(true), problems);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Feeds"))
                    .click();
            page.waitForURL("**/feeds");
            page.getByLabel("Marketplace").fill("boatsetter");
            page.getByLabel("Calendar link").fill(marketplace.url(SECRET_PATH));
            page.getByLabel("Boat").fill("JADA");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the feed"))
                    .click();
            page.waitForURL("**/feeds?done=added");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Poll now"))
                    .click();
            page.waitForURL("**/feeds?done=polled");

            assertThat(page.locator("main").textContent())
                    .contains("Boatsetter · JADA", "1 event ahead")
                    .doesNotContain("browser-secret-T0K3N");
            checkPage(page, "console-feeds-desktop.png");
            Page phone = signedIn(browser.phone(), problems);
            phone.navigate(app.baseUrl() + "/feeds");
            checkPage(phone, "console-feeds-phone.png");
            page.navigate(app.baseUrl() + "/");
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        page.reload();
                        return page.locator(".charter", new Page.LocatorOptions().setHasText("Robin Marsh"))
                                        .count()
                                == 1;
                    });
            assertThat(page.locator(".charter", new Page.LocatorOptions().setHasText("Robin Marsh"))
                            .textContent())
                    .contains("No crew");
            checkPage(page, "console-board-feed-desktop.png");

            // The marketplace drops it: Needs attention offers Cancel the booking and Keep it.
            marketplace.serve(
                    SECRET_PATH,
                    FeedServer.calendar(FeedServer.event("bs-77002", start.plus(3, ChronoUnit.DAYS), 2, "Reserved")));
            page.navigate(app.baseUrl() + "/feeds");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Poll now"))
                    .click();
            page.waitForURL("**/feeds?done=polled");
            page.navigate(app.baseUrl() + "/attention");
            assertThat(page.locator("main").textContent())
                    .contains("Gone from its feed:", "no longer lists this charter", "Cancel the booking");
            checkPage(page, "console-attention-feed-desktop.png");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep it"))
                    .click();
            page.waitForURL("**/attention?done=kept");
            assertThat(page.locator("main").textContent())
                    .contains("Kept.")
                    .doesNotContain("no longer lists this charter");
            assertThat(problems).as("console errors, CSP violations").isEmpty();
        }
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

    private static void checkPage(Page page, String screenshot) {
        Browser.assertNoHorizontalScroll(page);
        List<String> violations = Browser.accessibilityViolations(page);
        assertThat(violations)
                .as("accessibility violations on %s:%n  %s", page.url(), String.join("\n  ", violations))
                .isEmpty();
        Browser.screenshot(page, screenshot);
    }
}
