package io.chartersync.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chartersync.testsupport.Browser;
import io.chartersync.testsupport.RunningApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's sign-in, home and sign-out in Debian's Chromium, on a phone (390 px) and a desktop (1280 px),
 * with JavaScript and without: the pages are plain HTML forms. Screenshots under target/screenshots/.
 */
class ConsoleBrowserTest {
    private static final String EMAIL = "owner@charters.example.com";
    private static final String PASSWORD = "a sea-worthy password";

    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void an_owner_sets_a_password_from_the_link_signs_in_and_out_on_a_phone() {
        String link = ConsoleUsers.link(
                ConsoleUsers.run(app, PASSWORD, "add", EMAIL, "--role", "owner").out());
        Page page = browser.phone().newPage();
        List<String> problems = Browser.problems(page);

        page.navigate(link);
        checkPage(page, "console-set-password-phone.png");
        page.getByLabel("New password").fill(PASSWORD);
        page.getByLabel("The same password again").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password"))
                .tap();

        page.waitForURL("**/login?password=set");
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("Your password is set");
        signIn(page, "console-sign-in-phone.png");
        checkPage(page, "console-home-phone.png");
        signOut(page);
        assertThat(problems).as("console errors, CSP violations").isEmpty();
    }

    @Test
    void the_console_works_at_phone_and_desktop_sizes_with_and_without_javascript() {
        ConsoleUsers.run(app, PASSWORD, "add", EMAIL, "--role", "owner", "--password-stdin");
        List<String> problems = new ArrayList<>();
        for (boolean javaScript : new boolean[] {true, false}) {
            String js = javaScript ? "" : "-nojs";
            BrowserContext[] sizes = {
                javaScript ? browser.phone() : browser.phoneWithoutJavaScript(), browser.desktop(javaScript)
            };
            String[] names = {"phone", "desktop"};
            for (int i = 0; i < sizes.length; i++) {
                Page page = sizes[i].newPage();
                problems.addAll(Browser.problems(page));
                page.navigate(app.baseUrl() + "/");
                page.waitForURL("**/login");

                page.getByLabel("Email").fill(EMAIL);
                page.getByLabel("Password").fill("not my password");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                        .click();
                assertThat(page.getByRole(AriaRole.ALERT).textContent())
                        .contains("That email and password do not match");
                checkPage(page, "console-sign-in-refused-" + names[i] + js + ".png");

                signIn(page, "console-sign-in-" + names[i] + js + ".png");
                checkPage(page, "console-home-" + names[i] + js + ".png");
                signOut(page);
            }
        }
        assertThat(problems).as("console errors, CSP violations").isEmpty();
    }

    private static void signIn(Page page, String screenshot) {
        page.getByLabel("Email").fill(EMAIL);
        page.getByLabel("Password").fill(PASSWORD);
        Browser.screenshot(page, screenshot);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> url.endsWith("/"));
        assertThat(page.locator("header").textContent()).contains("Charter Sync", EMAIL, "owner");
    }

    private static void signOut(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.waitForURL("**/login");
        page.navigate(page.url().replaceFirst("/login$", "/"));
        page.waitForURL("**/login");
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
