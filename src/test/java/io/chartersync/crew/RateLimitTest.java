package io.chartersync.crew;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.Bookings;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The /m/* limits as configured by default (30 a minute per link, 100 per address). Each test starts
 * its own program, so its limiters start empty; every request here comes from the one test address.
 */
class RateLimitTest {
    private static final Map<String, String> DEFAULT_LIMITS =
            Map.of("LINK_RATE_LIMIT_PER_TOKEN", "30", "LINK_RATE_LIMIT_PER_ADDRESS", "100");

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    @Test
    void the_31st_request_for_one_link_within_a_minute_answers_429_and_records_nothing() {
        try (TestApp app = TestApp.start(DEFAULT_LIMITS)) {
            Examples.loadRoster(app.http());
            new Bookings(app).submitAndSync(Examples.booking(), 1);
            Mailbox mailbox = new Mailbox(app.mailDir());
            String crew1 = Mailbox.magicToken(mailbox.to("crew-1", "Confirm:").getFirst());
            String crew2 = Mailbox.magicToken(mailbox.to("crew-2", "Confirm:").getFirst());

            List<Integer> allowed = IntStream.range(0, 30)
                    .mapToObj(i -> app.http().get("/m/" + crew1, NOBODY).status())
                    .toList();
            TestHttp.Response limited = app.http().get("/m/" + crew1, NOBODY);
            TestHttp.Response feed = app.http().get("/m/" + crew1 + "/calendar.ics", NOBODY);
            TestHttp.Response answer = CrewPages.answer(app.http(), crew1, "confirm");
            TestHttp.Response otherLink = app.http().get("/m/" + crew2, NOBODY);

            assertThat(allowed).containsOnly(200);
            assertTooManyRequests(limited, "link");
            assertThat(feed.status()).as("the feed of the same link").isEqualTo(429);
            assertThat(answer.status()).as("an answer on the same link").isEqualTo(429);
            assertThat(TestDatabase.count("select count(*) from crew_link where answer is not null"))
                    .isZero();
            assertThat(otherLink.status()).as("another member's link").isEqualTo(200);
        }
    }

    @Test
    void a_hundred_different_links_from_one_address_pass_and_the_101st_answers_429() {
        try (TestApp app = TestApp.start(DEFAULT_LIMITS)) {
            List<Integer> hundred = IntStream.range(0, 100)
                    .mapToObj(
                            i -> app.http().get("/m/" + unknownToken(i), NOBODY).status())
                    .toList();
            TestHttp.Response limited = app.http().get("/m/" + unknownToken(100), NOBODY);
            TestHttp.Response forged = app.http()
                    .send(
                            "GET",
                            "/m/" + unknownToken(101),
                            null,
                            "",
                            NOBODY,
                            "X-Forwarded-For",
                            "203.0.113.7",
                            "Forwarded",
                            "for=203.0.113.7");

            assertThat(hundred).as("unknown links, each asked once").containsOnly(404);
            assertTooManyRequests(limited, "address");
            assertThat(forged.status())
                    .as("a forged client address escapes nothing")
                    .isEqualTo(429);
        }
    }

    @Test
    void behind_a_proxy_each_viewer_address_the_proxy_names_has_its_own_allowance() {
        Map<String, String> behindCdn = new java.util.HashMap<>(DEFAULT_LIMITS);
        behindCdn.put("CLIENT_ADDRESS_HEADER", "CloudFront-Viewer-Address");
        try (TestApp app = TestApp.start(behindCdn)) {
            IntStream.range(0, 100).forEach(i -> viaCdn(app, unknownToken(i), "198.51.100.1:4431"));

            TestHttp.Response sameViewer = viaCdn(app, unknownToken(100), "198.51.100.1:5120");
            TestHttp.Response otherViewer = viaCdn(app, unknownToken(101), "198.51.100.2:4431");
            TestHttp.Response ipv6Viewer = viaCdn(app, unknownToken(102), "2001:db8::7:443");

            assertTooManyRequests(sameViewer, "address");
            assertThat(otherViewer.status())
                    .as("another viewer behind the same CDN")
                    .isEqualTo(404);
            assertThat(ipv6Viewer.status()).isEqualTo(404);
        }
    }

    private static TestHttp.Response viaCdn(TestApp app, String token, String viewer) {
        return app.http().send("GET", "/m/" + token, null, "", NOBODY, "CloudFront-Viewer-Address", viewer);
    }

    @Test
    void photo_uploads_from_one_address_are_limited_to_30_a_minute() {
        try (TestApp app = TestApp.start(Map.of("UPLOAD_RATE_LIMIT_PER_ADDRESS", "30"))) {
            String body = "{\"slug\": \"may-30-boatsetter-k3x9\", \"upload_token\": \"t\","
                    + " \"content_type\": \"image/jpeg\", \"size\": 1000}";
            List<Integer> thirty = IntStream.range(0, 30)
                    .mapToObj(i -> app.http().post("/g/presign", body, NOBODY).status())
                    .toList();
            TestHttp.Response limited = app.http().post("/g/presign", body, NOBODY);
            TestHttp.Response form = app.http().form("/g/may-30-boatsetter-k3x9/photos", "upload_token=t");

            assertThat(thirty).as("refused for their token, but counted").containsOnly(400);
            assertTooManyRequests(limited, "uploads");
            assertThat(form.status()).isEqualTo(429);
            assertThat(app.http().get("/healthz", NOBODY).status()).isEqualTo(200);
        }
    }

    @Test
    void routes_outside_the_magic_links_are_not_limited() {
        try (TestApp app = TestApp.start(DEFAULT_LIMITS)) {
            IntStream.range(0, 101).forEach(i -> app.http().get("/m/" + unknownToken(i), NOBODY));
            assertThat(app.http().get("/m/" + unknownToken(101), NOBODY).status())
                    .isEqualTo(429);

            List<Integer> health = IntStream.range(0, 150)
                    .mapToObj(i -> app.http().get("/healthz", NOBODY).status())
                    .toList();
            TestHttp.Response bookings = app.http().get("/api/bookings", OPERATOR);

            assertThat(health).containsOnly(200);
            assertThat(bookings.status()).isEqualTo(200);
        }
    }

    private static void assertTooManyRequests(TestHttp.Response response, String limitedBy) {
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(429);
        assertThat(response.json().get("detail").asText()).contains(limitedBy);
        assertThat(response.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
    }

    /** A well-formed token (43 base64url characters) that no link has. */
    private static String unknownToken(int i) {
        return String.format(Locale.ROOT, "unknown-%035d", i);
    }
}
