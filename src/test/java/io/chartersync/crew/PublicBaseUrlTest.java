package io.chartersync.crew;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RawHttp;
import io.chartersync.testsupport.RunningApp;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every link crew get is built from {@code PUBLIC_BASE_URL}, never from the request: a forged Host (or
 * X-Forwarded-Host, Forwarded) header cannot make a crew page point its form or feed somewhere else.
 */
class PublicBaseUrlTest {
    private static final String PUBLIC = "https://crew.example.org";
    private static final String EVIL = "evil.example";
    private static final Map<String, String> FORGED = Map.of(
            "Host",
            EVIL,
            "X-Forwarded-Host",
            EVIL,
            "X-Forwarded-Proto",
            "http",
            "Forwarded",
            "host=" + EVIL + ";proto=http");
    private static final Pattern URL = Pattern.compile("(?:https?|webcal)://[^\\s\"'<>]+");
    private static final String MAP_SEARCH = "https://www.openstreetmap.org/search?";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster().withEnvironment(Map.of("PUBLIC_BASE_URL", PUBLIC));

    private JsonNode status;
    private String token;

    @BeforeEach
    void bookAndReadCrew1sLink() {
        assertThat(app.baseUrl()).hasToString(PUBLIC);
        status = app.bookings().submitAndSync(Examples.booking(), 1);
        token = Mailbox.magicToken(app.mailbox().to("crew-1", "Confirm:").getFirst());
    }

    @Test
    void crew_page_builds_its_form_and_feed_links_from_the_public_base_url_whatever_the_host_header() {
        RawHttp.Response page = RawHttp.send(app.testApp().port(), "GET", "/m/" + token, FORGED, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("action=\"" + PUBLIC + "/m/" + token + "/respond\"")
                .contains("href=\"webcal://crew.example.org/m/" + token + "/calendar.ics\"")
                .contains("href=\"" + PUBLIC + "/m/" + token + "/calendar.ics\"")
                .doesNotContain(EVIL)
                .doesNotContain("localhost");
        assertThat(urls(page.body()))
                .isNotEmpty()
                .allSatisfy(u -> assertStartsWithOneOf(u, PUBLIC + "/", "webcal://crew.example.org/", MAP_SEARCH));
    }

    @Test
    void answering_redirects_to_the_public_base_url_whatever_the_host_header() {
        Map<String, String> headers = new HashMap<>(FORGED);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        String form = "answer=confirm&csrf=" + CrewPages.csrf(app.http(), token);

        RawHttp.Response answered =
                RawHttp.send(app.testApp().port(), "POST", "/m/" + token + "/respond", headers, form);

        assertThat(answered.status()).isEqualTo(303);
        assertThat(answered.header("Location")).hasValue(PUBLIC + "/m/" + token + "?answered=confirm");
    }

    @Test
    void crew_feed_names_the_public_host_whatever_the_host_header() {
        RawHttp.Response feed =
                RawHttp.send(app.testApp().port(), "GET", "/m/" + token + "/calendar.ics", FORGED, null);

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body())
                .contains("BEGIN:VEVENT", "@crew.example.org")
                .doesNotContain(EVIL)
                .doesNotContain("localhost");
    }

    @Test
    void emailed_links_and_the_guest_page_url_start_with_the_public_base_url() {
        List<Path> emails = app.mailbox().all();

        assertThat(emails).as("the crew's 4 and the guest's page").hasSize(5);
        assertThat(app.mailbox().magicTokens()).hasSize(3);
        assertThat(emails).allSatisfy(email -> {
            String text = Mailbox.decoded(email);
            assertThat(text).doesNotContain("localhost").contains("@crew.example.org>");
            assertThat(urls(text)).isNotEmpty().allSatisfy(u -> assertStartsWithOneOf(u, PUBLIC + "/", MAP_SEARCH));
        });
        assertThat(app.mailbox().magicTokens())
                .allSatisfy(t ->
                        assertThat(app.mailbox().containing(PUBLIC + "/m/" + t)).isNotEmpty());
        assertThat(status.at("/guest_page/url").asText()).startsWith(PUBLIC + "/g/");
    }

    private static void assertStartsWithOneOf(String url, String... prefixes) {
        assertThat(List.of(prefixes))
                .as("where " + url + " may point")
                .anySatisfy(p -> assertThat(url).startsWith(p));
    }

    private static List<String> urls(String text) {
        return URL.matcher(text).results().map(r -> r.group()).toList();
    }
}
