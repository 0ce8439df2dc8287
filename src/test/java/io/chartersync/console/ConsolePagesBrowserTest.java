package io.chartersync.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chartersync.testsupport.Browser;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Bookings, Crew, Boats and Settings pages in Debian's Chromium: an owner searches bookings, adds and
 * deactivates a crew member, edits a boat and the operator's contact, on a phone and a desktop with
 * JavaScript and on a phone without. Screenshots under target/screenshots/.
 */
class ConsolePagesBrowserTest {
    private static final String EMAIL = "owner@charters.example.com";
    private static final String PASSWORD = "a sea-worthy password";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void an_owner_searches_bookings_adds_and_deactivates_crew_edits_a_boat_and_the_settings_on_phone_and_desktop() {
        ConsoleUsers.run(app, PASSWORD, "add", EMAIL, "--role", "owner", "--password-stdin");
        String first = app.bookings().submit(Examples.futureBooking(3));
        String second = app.bookings().submit(Examples.futureBooking(4));
        app.bookings().awaitSettled(first, 1);
        app.bookings().awaitSettled(second, 1);
        List<String> problems = new ArrayList<>();
        record Size(String name, BrowserContext context) {}
        for (Size size : List.of(
                new Size("phone", browser.phone()),
                new Size("desktop", browser.desktop(true)),
                new Size("phone-nojs", browser.phoneWithoutJavaScript()))) {
            Page page = size.context().newPage();
            problems.addAll(Browser.problems(page));
            signIn(page);
            String who = "Dana "
                    + size.name()
                            .replace("-nojs", " Nojs")
                            .replace("phone", "Phone")
                            .replace("desktop", "Desktop");

            page.navigate(app.baseUrl() + "/bookings");
            page.getByLabel("Guest or external id").fill("boatsetter guest");
            page.getByLabel("State").selectOption("failed");
            click(page, "Search");
            page.waitForURL("**/bookings?q=*&state=failed*");
            assertThat(page.locator("main").textContent()).contains("No bookings match.");
            page.getByLabel("State").selectOption("synced");
            click(page, "Search");
            page.waitForURL("**/bookings?q=*&state=synced*");
            assertThat(page.locator(".booking-row").count()).isEqualTo(2);
            assertThat(page.locator(".booking-row").first().textContent())
                    .contains("Boatsetter Guest", "JADA", "6 guests");
            checkPage(page, "console-bookings-" + size.name() + ".png");

            page.navigate(app.baseUrl() + "/crew/new");
            click(page, "Add to the roster");
            assertThat(page.locator("#name-error").textContent()).contains("Is required");
            page.getByLabel("Name").fill(who);
            page.getByLabel("Email").fill(who.toLowerCase().replace(' ', '.') + "@crew.example.com");
            page.getByLabel("Roles").fill("crew, deckhand");
            click(page, "Add to the roster");
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("is on the roster");
            click(page, "Deactivate " + who);
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("is deactivated");
            page.navigate(app.baseUrl() + "/crew");
            assertThat(page.locator(".roster-row.inactive")
                            .filter(new Locator.FilterOptions().setHasText(who))
                            .textContent())
                    .contains("Deactivated");
            checkPage(page, "console-crew-" + size.name() + ".png");

            page.navigate(app.baseUrl() + "/boats");
            assertThat(page.locator(".boat-row").first().textContent()).contains("JADA", "2 upcoming charters");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("JADA"))
                    .click();
            page.getByLabel("Meeting point").fill("Harbor Island, dock 3 (" + size.name() + ")");
            page.getByLabel("Map link").fill("https://maps.example.com/?q=dock+3");
            click(page, "Save and update guest pages");
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("Saved.");
            checkPage(page, "console-boats-" + size.name() + ".png");

            page.navigate(app.baseUrl() + "/settings");
            page.getByLabel("Name").fill("Harbor Charters");
            page.getByLabel("Phone").fill("+1 619 555 0142");
            click(page, "Save contact");
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("Saved.");
            assertThat(page.getByLabel("Your calendar's address").inputValue()).contains("/calendar.ics?token=");
            checkPage(page, "console-settings-" + size.name() + ".png");

            click(page, "Sign out");
            page.waitForURL("**/login");
        }
        assertThat(problems).as("console errors, CSP violations").isEmpty();
    }

    private static void signIn(Page page) {
        page.navigate(app.baseUrl() + "/login");
        page.getByLabel("Email").fill(EMAIL);
        page.getByLabel("Password").fill(PASSWORD);
        click(page, "Sign in");
        page.waitForURL(url -> url.endsWith("/"));
    }

    private static void click(Page page, String button) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(button).setExact(true))
                .click();
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
