package io.chartersync.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chartersync.testsupport.Browser;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A booking's life in the console, in Debian's Chromium: made through the form (it reaches synced on its
 * page without a reload), confirmed by its captain, rescheduled through the edit form (the captain's answer
 * resets), the mailbox, and a cancellation confirmed on a phone without JavaScript. Screenshots under
 * target/screenshots/.
 */
class BookingPagesBrowserTest {
    private static final String EMAIL = "owner@charters.example.com";
    private static final String PASSWORD = "a sea-worthy password";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void a_booking_made_in_the_form_syncs_in_view_resets_answers_when_rescheduled_and_cancels_without_javascript() {
        ConsoleUsers.run(app, PASSWORD, "add", EMAIL, "--role", "owner", "--password-stdin");
        List<String> problems = new ArrayList<>();

        Page phone = signedIn(browser.phone().newPage(), problems);
        phone.navigate(app.baseUrl() + "/bookings/new");
        phone.getByLabel("Name").fill("Harbour Guest");
        phone.locator("#f-guest-email").fill("harbour@example.com");
        phone.getByLabel("Party size").fill("5");
        phone.getByLabel("Boat").fill("JADA");
        phone.getByLabel("Meeting point").fill("Guest dock");
        phone.locator("#f-crew-0--role").fill("captain");
        phone.locator("#f-crew-0--count").fill("1");
        phone.locator("#f-crew-0--members-0-").selectOption("captain-1");
        check(phone, "console-new-booking-phone.png");

        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book"))
                .click();
        phone.waitForURL(url -> url.endsWith("?done=created"));
        phone.evaluate("() => { window.stillTheSamePage = true; }");
        phone.locator("#live .state")
                .filter(new Locator.FilterOptions().setHasText("synced"))
                .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(phone.evaluate("() => window.stillTheSamePage === true"))
                .as("the page updated itself, without a reload")
                .isEqualTo(true);
        String bookingPath = phone.url().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*", "");
        Page desktop = signedIn(browser.desktop(true).newPage(), problems);
        Path invite = app.mailbox().to("captain-1", "Confirm").getFirst();
        assertThat(CrewPages.answer(app.http(), Mailbox.magicToken(invite), "confirm")
                        .status())
                .isEqualTo(303);
        desktop.navigate(app.baseUrl() + bookingPath);
        assertThat(desktop.locator(".crew-answers").textContent()).contains("confirmed");
        check(desktop, "console-booking-desktop.png");

        phone.navigate(app.baseUrl() + bookingPath);
        check(phone, "console-booking-phone.png");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reschedule"))
                .click();
        phone.waitForURL("**/edit#when");
        phone.getByLabel("Start time").fill("15:30");
        check(phone, "console-booking-edit-phone.png");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes"))
                .click();
        phone.waitForURL(url -> url.endsWith("?done=saved"));
        phone.locator("#live .state")
                .filter(new Locator.FilterOptions().setHasText("synced"))
                .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(phone.locator(".crew-answers").textContent())
                .as("the captain is asked again after the reschedule")
                .contains("waiting")
                .doesNotContain("confirmed");
        assertThat(phone.locator(".versions").textContent()).contains("Version 2", "Start", "15:30");

        desktop.navigate(app.baseUrl() + "/mailbox");
        assertThat(desktop.locator("main").textContent()).contains("Invitation", "Change notice");
        check(desktop, "console-mailbox-desktop.png");
        desktop.locator(".rows a").first().click();
        assertThat(desktop.locator("pre.email-text").textContent()).isNotBlank();
        check(desktop, null);

        Page noScript = signedIn(browser.phoneWithoutJavaScript().newPage(), problems);
        noScript.navigate(app.baseUrl() + bookingPath);
        noScript.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel booking"))
                .click();
        assertThat(noScript.locator("main").textContent()).contains("Cancel this booking?", "Alex Rivera");
        check(noScript, "console-booking-cancel-phone-nojs.png");
        noScript.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel the booking"))
                .click();
        noScript.waitForURL(url -> url.endsWith("?done=cancelled"));
        assertThat(noScript.locator("main").textContent()).contains("Cancelled.", "This booking is cancelled");
        check(noScript, null);
        assertThat(problems).as("console errors, CSP violations").isEmpty();
    }

    private static Page signedIn(Page page, List<String> problems) {
        problems.addAll(Browser.problems(page));
        page.navigate(app.baseUrl() + "/login");
        page.getByLabel("Email").fill(EMAIL);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> url.endsWith("/"));
        return page;
    }

    private static void check(Page page, String screenshot) {
        Browser.assertNoHorizontalScroll(page);
        List<String> violations = Browser.accessibilityViolations(page);
        assertThat(violations)
                .as("accessibility violations on %s:%n  %s", page.url(), String.join("\n  ", violations))
                .isEmpty();
        if (screenshot != null) {
            Browser.screenshot(page, screenshot);
        }
    }
}
