package io.chartersync.guestpage;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chartersync.testsupport.Browser;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.Photos;
import io.chartersync.testsupport.RunningApp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The guest page in Debian's Chromium at a phone's size: reading it, uploading a photo with and without JavaScript. */
class GuestPageBrowserTest {
    private static final double UPLOAD_TIMEOUT_MS = 30_000;

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    Path temp;

    @Test
    void with_javascript_a_photo_uploads_with_progress_and_joins_the_gallery_without_a_reload() throws IOException {
        String url = pageUrl(app.bookings().submitAndSync(Examples.futureBooking(3), 1));
        Page page = browser.phone().newPage();
        List<String> problems = Browser.problems(page);

        page.navigate(url);
        assertThat(page.locator("h1").textContent()).startsWith("Welcome aboard");
        Browser.assertNoHorizontalScroll(page);
        page.evaluate("() => { window.__marker = 1; window.__progress = [];"
                + " const bar = document.getElementById('upload-progress');"
                + " new MutationObserver(() => window.__progress.push(bar.hidden ? -1 : bar.value))"
                + ".observe(bar, {attributes: true}); }");
        slowUploads(page);
        page.locator("#photo").setInputFiles(photoFile());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload photo"))
                .click();

        Locator status = page.locator("#upload-status");
        status.filter(new Locator.FilterOptions().setHasText("in the gallery"))
                .waitFor(new Locator.WaitForOptions().setTimeout(UPLOAD_TIMEOUT_MS));
        assertThat(status.textContent()).isEqualTo("Thanks! Your photo is in the gallery.");
        assertThat(page.evaluate("() => window.__marker")).as("no reload").isEqualTo(1);
        List<Double> progress = ((List<?>) page.evaluate("() => window.__progress"))
                .stream().map(v -> ((Number) v).doubleValue()).toList();
        assertThat(progress).as("the bar is hidden once the photo is in (-1)").endsWith(-1.0);
        assertThat(progress.subList(0, progress.size() - 1))
                .as("the progress bar's values, in order")
                .isSorted()
                .endsWith(100.0);
        assertThat(page.locator("#upload-progress").isVisible()).isFalse();
        Locator thumbnails = page.locator("#gallery-list img");
        assertThat(thumbnails.count()).isEqualTo(1);
        assertThat(page.locator("#gallery").isVisible()).isTrue();
        assertLoaded(thumbnails.first());
        Browser.assertNoHorizontalScroll(page);
        Browser.screenshot(page, "guest-page-phone.png");

        page.reload();
        assertThat(page.locator("#gallery").isVisible())
                .as("the re-published page")
                .isTrue();
        assertThat(page.locator("#gallery-list img").count()).isEqualTo(1);
        assertLoaded(page.locator("#gallery-list img").first());
        assertThat(problems).isEmpty();
    }

    @Test
    void without_javascript_the_form_posts_and_the_result_page_refreshes_until_the_photo_is_in() throws IOException {
        String url = pageUrl(app.bookings().submitAndSync(Examples.futureBooking(3), 1));
        Page page = browser.phoneWithoutJavaScript().newPage();
        List<String> problems = Browser.problems(page);

        page.navigate(url);
        assertThat(page.locator("h1").textContent()).startsWith("Welcome aboard");
        page.locator("#photo").setInputFiles(photoFile());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload photo"))
                .click();

        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your photo is in the gallery"))
                .waitFor(new Locator.WaitForOptions().setTimeout(UPLOAD_TIMEOUT_MS));
        assertThat(page.url()).startsWith(url + "uploads/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to your charter page"))
                .click();
        page.waitForURL(url);
        assertThat(page.locator("#gallery").isVisible()).isTrue();
        assertThat(page.locator("#gallery-list img").count()).isEqualTo(1);
        assertLoaded(page.locator("#gallery-list img").first());
        Browser.assertNoHorizontalScroll(page);
        Browser.screenshot(page, "guest-page-no-js.png");
        assertThat(problems).isEmpty();
    }

    @Test
    void the_page_with_a_photo_passes_the_accessibility_checks() {
        JsonNode status = app.bookings().submitAndSync(Examples.futureBooking(3), 1);
        String url = pageUrl(status);
        addPhotoWithoutBrowser(url);
        Page page = browser.phone().newPage();
        List<String> problems = Browser.problems(page);

        page.navigate(url);

        assertThat(page.locator("#gallery-list img").count()).isEqualTo(1);
        List<String> violations = Browser.accessibilityViolations(page);
        assertThat(violations)
                .as("accessibility violations:%n  %s", String.join("\n  ", violations))
                .isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void a_cancelled_charter_says_so_on_the_phone_and_offers_no_upload() {
        JsonNode status = app.bookings().submitAndSync(Examples.futureBooking(5), 1);
        String id = status.get("id").asText();
        app.http().post("/api/bookings/" + id + "/cancel", "", OPERATOR);
        app.bookings().awaitSettled(id, 2);
        Page page = browser.phone().newPage();
        List<String> problems = Browser.problems(page);

        page.navigate(pageUrl(status));

        assertThat(page.locator("h1").textContent()).isEqualTo("This charter was cancelled");
        assertThat(page.locator("form").count()).isZero();
        assertThat(page.locator("input[type=file]").count()).isZero();
        assertThat(page.getByText("Upload photo").count()).isZero();
        Browser.assertNoHorizontalScroll(page);
        assertThat(problems).isEmpty();
    }

    /** A phone's upload speed (about 8 Mbit/s), so the photo takes a while and the bar moves through it. */
    private static void slowUploads(Page page) {
        CDPSession devtools = page.context().newCDPSession(page);
        devtools.send("Network.enable");
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", 20);
        conditions.addProperty("downloadThroughput", -1);
        conditions.addProperty("uploadThroughput", 1_000_000);
        devtools.send("Network.emulateNetworkConditions", conditions);
    }

    private static String pageUrl(JsonNode status) {
        return app.baseUrl() + GuestPages.path(app, status);
    }

    private Path photoFile() throws IOException {
        return Files.write(temp.resolve("boat.jpg"), Photos.jpeg(1600, 1200, true));
    }

    /** A photo in the gallery by the plain form, as an earlier guest without JavaScript would add it. */
    private static void addPhotoWithoutBrowser(String url) {
        String token = GuestPages.uploadToken(
                app.http().get(app.bookings().pathOf(url), NOBODY).body());
        HttpResponse<String> posted =
                Photos.postForm(url + "photos", token, "boat.jpg", "image/jpeg", Photos.jpeg(1200, 900, true));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String result =
                app.bookings().pathOf(posted.headers().firstValue("Location").orElseThrow());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> app.http().get(result, NOBODY).body().contains("Your photo is in the gallery"));
    }

    /** The image arrived and decoded (a broken image has no natural width). */
    private static void assertLoaded(Locator image) {
        image.scrollIntoViewIfNeeded();
        await().atMost(Duration.ofSeconds(10))
                .pollInSameThread()
                .until(() -> ((Number) image.evaluate("i => i.complete ? i.naturalWidth : 0")).intValue() > 0);
    }
}
