package io.chartersync.crew;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chartersync.testsupport.Browser;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The crew page in Debian's Chromium at a phone's size, opened from the invitation's magic link. */
class CrewPageBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void a_crew_member_reads_the_charter_on_a_phone_and_confirms_with_one_tap() {
        app.bookings().submitAndSync(Examples.futureBooking(3), 1);
        String token = Mailbox.magicToken(app.mailbox().to("crew-1", "Confirm:").getFirst());
        Page page = browser.phone().newPage();
        List<String> problems = Browser.problems(page);

        page.navigate(app.baseUrl() + "/m/" + token);

        assertThat(detail(page, "Your role")).isEqualTo("crew");
        assertThat(detail(page, "Your rate")).isEqualTo("$25 an hour");
        assertThat(detail(page, "Expected pay")).isEqualTo("$75 for 3 hours");
        assertThat(detail(page, "Your answer")).isEqualTo("You have not answered yet");
        assertThat(page.locator("section:has(h2:text-is('Crew')) li").allTextContents())
                .containsExactlyInAnyOrder(
                        "Alex Rivera, captain: awaiting answer",
                        "Sam Lee, crew: awaiting answer",
                        "Jordan Park, crew: awaiting answer");
        for (String answer : List.of("Confirm", "Decline")) {
            assertThat(button(page, answer).boundingBox().height)
                    .as("height of %s", answer)
                    .isGreaterThanOrEqualTo(44);
        }
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add to my calendar"))
                        .getAttribute("href"))
                .startsWith("webcal://")
                .endsWith("/m/" + token + "/calendar.ics");
        Browser.assertNoHorizontalScroll(page);
        assertFitsThePhone(page);
        assertThat(page.locator("link[rel=icon]").getAttribute("href")).isEqualTo("/favicon.svg");
        assertThat(page.request().get(app.baseUrl() + "/favicon.svg").status()).isEqualTo(200);

        button(page, "Confirm").tap();

        page.waitForURL("**/m/" + token + "?answered=confirm");
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).startsWith("Thanks, you confirmed");
        assertThat(detail(page, "Your answer")).isEqualTo("You confirmed");
        assertThat(page.locator("section:has(h2:text-is('Crew')) li").allTextContents())
                .contains("Sam Lee, crew: confirmed");
        assertThat(TestDatabase.count("select count(*) from crew_link where answer = 'confirm'"))
                .isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from crew_link where answer is not null"))
                .isEqualTo(1);
        List<String> violations = Browser.accessibilityViolations(page);
        assertThat(violations)
                .as("accessibility violations:%n  %s", String.join("\n  ", violations))
                .isEmpty();
        assertFitsThePhone(page);
        Browser.screenshot(page, "crew-page-phone.png");
        assertThat(problems).as("console errors, CSP violations").isEmpty();
    }

    /**
     * Nothing scrolls sideways on a 390 px phone: the page's scrolling element is no wider than the window
     * (the calendar address, some 90 characters without a space, once made it 641 px wide).
     */
    private static void assertFitsThePhone(Page page) {
        List<?> widths = (List<?>) page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        assertThat(((Number) widths.get(1)).intValue()).as("window width").isEqualTo(390);
        assertThat(((Number) widths.get(0)).intValue())
                .as("scroll width at 390 px")
                .isLessThanOrEqualTo(390);
    }

    private static String detail(Page page, String term) {
        return page.locator("dt:text-is('" + term + "') + dd").textContent().trim();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }
}
