package io.chartersync.console;

import static io.chartersync.testsupport.ConsoleClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.AuditTrail;
import io.chartersync.testsupport.Cli;
import io.chartersync.testsupport.ConsoleClient;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-in, sessions, sign-out, CSRF and the sign-in limits of the console, over real HTTP and PostgreSQL. */
class ConsoleSignInTest {
    private static final String EMAIL = "owner@charters.example.com";
    private static final String PASSWORD = "a sea-worthy password";

    @RegisterExtension
    static final RunningApp app = new RunningApp();

    private ConsoleClient browser;

    @BeforeEach
    void an_owner_with_a_password() {
        users("add", EMAIL, "--role", "owner", "--password-stdin");
        browser = new ConsoleClient(app.baseUrl());
    }

    @Test
    void the_console_address_sends_a_visitor_without_a_session_to_sign_in() {
        ConsoleClient.Page root = browser.get("/");

        assertThat(root.status()).isEqualTo(303);
        assertThat(root.header("Location")).contains("/login");
        ConsoleClient.Page login = browser.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Content-Type").orElse("")).startsWith("text/html");
        assertThat(login.body()).contains("name=\"email\"", "name=\"password\"", "type=\"hidden\" name=\"csrf\"");
    }

    @Test
    void the_right_password_opens_a_session_with_a_strict_cookie_and_the_console_names_the_user() {
        ConsoleClient.Page signedIn = browser.signIn("Owner@Charters.example.com ", PASSWORD);

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).contains("/");
        String cookie = signedIn.setCookie("cs_session").orElseThrow();
        assertThat(cookie).contains("; Path=/;", "; HttpOnly", "; SameSite=Lax").doesNotContain("Secure");
        String session = browser.sessionCookie().orElseThrow();
        assertThat(session).hasSize(43);
        assertThat(TestDatabase.dump("console_session"))
                .as("the session is stored hashed")
                .doesNotContain(session);
        ConsoleClient.Page home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains(EMAIL, "Sign out");
        assertThat(home.header("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(home.header("Cache-Control")).contains("no-store");
        assertThat(browser.get("/login").status())
                .as("signed in, /login leads home")
                .isEqualTo(303);
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_401_form_without_a_hint() {
        ConsoleClient.Page wrongPassword = browser.signIn(EMAIL, "not the password at all");
        ConsoleClient.Page unknownEmail = browser.signIn("nobody@charters.example.com", PASSWORD);

        for (ConsoleClient.Page page : new ConsoleClient.Page[] {wrongPassword, unknownEmail}) {
            assertThat(page.status()).isEqualTo(401);
            assertThat(page.setCookie("cs_session")).isEmpty();
            assertThat(page.body()).contains("That email and password do not match an account.", "name=\"password\"");
        }
        assertThat(browser.sessionCookie()).isEmpty();
        assertThat(TestDatabase.count("select count(*) from console_session")).isZero();
    }

    @Test
    void after_five_failures_for_one_email_the_next_sign_in_answers_429_until_fifteen_minutes_pass() {
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn(EMAIL, "wrong password number " + i).status())
                    .isEqualTo(401);
        }

        ConsoleClient.Page refused = browser.signIn(EMAIL, PASSWORD);

        assertThat(refused.status())
                .as("even the right password is not checked now")
                .isEqualTo(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(refused.body()).contains("Too many failed sign-ins");
        assertThat(refused.setCookie("cs_session")).isEmpty();
        assertThat(new ConsoleClient(app.baseUrl())
                        .signIn("other@charters.example.com", "x".repeat(12))
                        .status())
                .as("another email from the same address is still checked")
                .isEqualTo(401);

        app.clock().advance(Duration.ofSeconds(retryAfter + 1));

        assertThat(browser.signIn(EMAIL, PASSWORD).status()).isEqualTo(303);
    }

    @Test
    void after_twenty_failures_from_one_address_every_email_answers_429() {
        for (int i = 0; i < 20; i++) {
            assertThat(browser.signIn("guess" + i + "@charters.example.com", "wrong password " + i)
                            .status())
                    .isEqualTo(401);
        }

        ConsoleClient.Page refused = browser.signIn(EMAIL, PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
    }

    @Test
    void a_post_without_the_right_csrf_token_answers_403_and_changes_nothing() {
        browser.get("/login");
        ConsoleClient.Page noToken = browser.post("/login", form("email", EMAIL, "password", PASSWORD));
        ConsoleClient.Page wrongToken =
                browser.post("/login", form("csrf", "x".repeat(43), "email", EMAIL, "password", PASSWORD));
        ConsoleClient.Page noCookie = new ConsoleClient(app.baseUrl())
                .post("/login", form("csrf", browser.csrf(), "email", EMAIL, "password", PASSWORD));

        assertThat(noToken.status()).isEqualTo(403);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(noCookie.status()).as("a token without the browser's cookie").isEqualTo(403);
        assertThat(TestDatabase.count("select count(*) from console_session")).isZero();

        browser.signIn(EMAIL, PASSWORD);
        ConsoleClient.Page logout = browser.post("/logout", form("csrf", "forged"));
        assertThat(logout.status()).isEqualTo(403);
        assertThat(browser.get("/").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void signing_out_ends_the_session_on_the_server() {
        browser.signIn(EMAIL, PASSWORD);
        String session = browser.sessionCookie().orElseThrow();
        browser.get("/");

        ConsoleClient.Page out = browser.post("/logout", form("csrf", browser.csrf()));

        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).contains("/login");
        assertThat(out.setCookie("cs_session").orElseThrow()).contains("Max-Age=0");
        ConsoleClient.Page again = browser.getWithSession("/", session);
        assertThat(again.status()).as("the old cookie, sent again").isEqualTo(303);
        assertThat(again.header("Location")).contains("/login");
        assertThat(TestDatabase.count("select count(*) from console_session")).isZero();
    }

    @Test
    void a_session_ends_after_twelve_hours_idle() {
        browser.signIn(EMAIL, PASSWORD);
        app.clock().advance(Duration.ofHours(11).plusMinutes(59));
        assertThat(browser.get("/").status()).isEqualTo(200);

        app.clock().advance(Duration.ofHours(12).plusMinutes(1));

        assertThat(browser.get("/").status()).isEqualTo(303);
    }

    @Test
    void a_session_in_daily_use_ends_seven_days_after_sign_in() {
        browser.signIn(EMAIL, PASSWORD);
        for (int hours = 10; hours < 7 * 24; hours += 10) {
            app.clock().advance(Duration.ofHours(10));
            assertThat(browser.get("/").status()).as("after %d hours", hours).isEqualTo(200);
        }

        app.clock().advance(Duration.ofHours(10));

        assertThat(browser.get("/").status()).isEqualTo(303);
    }

    @Test
    void a_one_time_link_sets_the_password_once_and_then_the_user_signs_in() {
        String link = link(users("add", "dispatcher@charters.example.com", "--role", "dispatcher")
                .out());
        String path = link.substring(link.indexOf("/set-password/"));

        ConsoleClient.Page form = browser.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("dispatcher@charters.example.com", "Set your password");
        ConsoleClient.Page tooShort =
                browser.post(path, form("csrf", browser.csrf(), "password", "short", "confirm", "short"));
        ConsoleClient.Page different = browser.post(
                path, form("csrf", browser.csrf(), "password", "a long password 1", "confirm", "a long password 2"));
        ConsoleClient.Page forged = browser.post(
                path, form("csrf", "forged", "password", "a long password 1", "confirm", "a long password 1"));
        ConsoleClient.Page set = browser.post(
                path, form("csrf", browser.csrf(), "password", "a long password 1", "confirm", "a long password 1"));

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 12 characters");
        assertThat(different.status()).isEqualTo(400);
        assertThat(different.body()).contains("not the same");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(set.status()).isEqualTo(303);
        assertThat(set.header("Location")).contains("/login?password=set");
        assertThat(browser.get(path).status()).as("the link works once").isEqualTo(410);
        assertThat(browser.signIn("dispatcher@charters.example.com", "a long password 1")
                        .status())
                .isEqualTo(303);
        assertThat(browser.get("/").body()).contains("dispatcher");
        assertThat(AuditTrail.actions("console-user:"
                        + TestDatabase.strings(
                                        "select id::text from console_user where email = 'dispatcher@charters.example.com'")
                                .getFirst()))
                .containsExactly(
                        "console-user.added by cli",
                        "console-user.password-set by console:dispatcher@charters.example.com");
    }

    @Test
    void a_set_password_link_expires_after_24_hours() {
        String link = link(
                users("add", "late@charters.example.com", "--role", "owner").out());
        String path = link.substring(link.indexOf("/set-password/"));

        app.clock().advance(Duration.ofHours(24).plusMinutes(1));

        ConsoleClient.Page expired = browser.get(path);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This link no longer works");
    }

    @Test
    void removing_a_user_or_resetting_the_password_signs_them_out_at_once() {
        browser.signIn(EMAIL, PASSWORD);
        assertThat(browser.get("/").status()).isEqualTo(200);

        users("reset", EMAIL);

        assertThat(browser.get("/").status()).isEqualTo(303);
        assertThat(browser.signIn(EMAIL, PASSWORD).status())
                .as("the old password")
                .isEqualTo(401);

        users("add", "second@charters.example.com", "--role", "owner", "--password-stdin");
        ConsoleClient second = new ConsoleClient(app.baseUrl());
        second.signIn("second@charters.example.com", PASSWORD);
        users("remove", "second@charters.example.com");
        assertThat(second.get("/").status()).isEqualTo(303);
        assertThat(second.signIn("second@charters.example.com", PASSWORD).status())
                .isEqualTo(401);
    }

    @Test
    void on_an_https_site_the_session_cookie_is_secure() {
        try (TestApp https = TestApp.start(Map.of("PUBLIC_BASE_URL", "https://console.charters.example.com"))) {
            ConsoleClient client = new ConsoleClient(URI.create("http://localhost:" + https.port()));
            // The cs_login cookie is Secure too, so this plain-http client does not send it back by itself.
            String loginCookie = client.get("/login").setCookie("cs_login").orElseThrow();
            assertThat(loginCookie).contains("; Secure");
            ConsoleClient.Page signedIn = client.post(
                    "/login",
                    loginCookie.substring(0, loginCookie.indexOf(';')),
                    form("csrf", client.csrf(), "email", EMAIL, "password", PASSWORD));

            assertThat(signedIn.status()).isEqualTo(303);
            assertThat(signedIn.setCookie("cs_session").orElseThrow())
                    .contains("; HttpOnly", "; SameSite=Lax", "; Secure", "; Path=/;");
        }
    }

    private static Cli.Run users(String... args) {
        return ConsoleUsers.run(app, PASSWORD, args);
    }

    static String link(String output) {
        return ConsoleUsers.link(output);
    }
}
