package io.chartersync.console;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.chartersync.common.AppException;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.TokenGenerator;
import io.chartersync.web.ClientAddress;
import io.chartersync.web.Forms;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's sign-in, sign-out, set-password and home routes. Every page is HTML that works without
 * JavaScript; every form carries a CSRF token and a POST without the right one answers 403. Before a
 * session exists (the sign-in form), the token is derived from a random cookie of the browser's ({@code
 * cs_login}); with a session, from the session's token; on a set-password page, from the link's token.
 */
final class ConsoleRoutes implements RouteModule {
    private static final String LOGIN_CSRF = "console-login-csrf";
    private static final String SET_PASSWORD_CSRF = "console-set-password-csrf";
    private static final Duration LOGIN_COOKIE_AGE = Duration.ofHours(12);
    private static final String WRONG = "That email and password do not match an account. Check both and try again.";

    private final SignIn signIn;
    private final Accounts accounts;
    private final TemplateEngine templates;
    private final LinkTokens tokens;
    private final TokenGenerator random;
    private final ClientAddress clients;
    private final Cookies cookies;
    private final byte[] stylesheet;

    ConsoleRoutes(
            SignIn signIn,
            Accounts accounts,
            TemplateEngine templates,
            LinkTokens tokens,
            TokenGenerator random,
            ClientAddress clients,
            Cookies cookies) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.templates = templates;
        this.tokens = tokens;
        this.random = random;
        this.clients = clients;
        this.cookies = cookies;
        this.stylesheet = resource("/console/console.css");
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/", this::home);
        routes.get("/login", this::loginForm);
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
        routes.get("/set-password/{token}", this::setPasswordForm);
        routes.post("/set-password/{token}", this::setPassword);
        routes.get("/console/console.css", this::css);
    }

    /** The signed-in user of a request, or empty (no cookie, or a session that has ended). */
    Optional<SignedIn> user(Context ctx) {
        return signIn.session(Cookies.read(ctx, Cookies.SESSION));
    }

    private void home(Context ctx) {
        Optional<SignedIn> user = user(ctx);
        if (user.isEmpty()) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, "console/home.jte", new HomePage(Shell.of("Charters", user.get())));
    }

    private void loginForm(Context ctx) {
        if (user(ctx).isPresent()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        Optional<String> notice = "set".equals(ctx.queryParam("password"))
                ? Optional.of("Your password is set. Sign in with it.")
                : Optional.empty();
        renderLogin(ctx, "", Optional.empty(), notice);
    }

    private void login(Context ctx) {
        Forms.requireForm(ctx, false);
        String browser = Cookies.read(ctx, Cookies.LOGIN);
        if (browser == null || !sameText(Forms.field(ctx, "csrf"), tokens.derive(LOGIN_CSRF, browser))) {
            refuseForm(ctx, "/login", "Back to sign-in");
            return;
        }
        String email = Objects.requireNonNullElse(Forms.field(ctx, "email"), "").strip();
        String password = Objects.requireNonNullElse(Forms.field(ctx, "password"), "");
        Optional<String> session;
        try {
            session = signIn.attempt(email, password, clients.of(ctx));
        } catch (AppException.TooManyRequests e) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            ctx.status(429);
            renderLogin(ctx, email, Optional.of(e.getMessage()), Optional.empty());
            return;
        }
        if (session.isEmpty()) {
            ctx.status(401);
            renderLogin(ctx, email, Optional.of(WRONG), Optional.empty());
            return;
        }
        cookies.set(ctx, Cookies.SESSION, session.get(), "/", SignIn.MAX_AGE);
        cookies.clear(ctx, Cookies.LOGIN, "/login");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Forms.requireForm(ctx, false);
        String token = Cookies.read(ctx, Cookies.SESSION);
        Optional<SignedIn> user = signIn.session(token);
        if (user.isPresent() && !sameText(Forms.field(ctx, "csrf"), user.get().csrf())) {
            refuseForm(ctx, "/", "Back to the console");
            return;
        }
        signIn.end(token);
        cookies.clear(ctx, Cookies.SESSION, "/");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void setPasswordForm(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<String> email = accounts.linkOwner(token);
        if (email.isEmpty()) {
            linkGone(ctx);
            return;
        }
        renderSetPassword(ctx, token, email.get(), Optional.empty());
    }

    private void setPassword(Context ctx) {
        Forms.requireForm(ctx, false);
        String token = ctx.pathParam("token");
        if (!sameText(Forms.field(ctx, "csrf"), tokens.derive(SET_PASSWORD_CSRF, token))) {
            refuseForm(ctx, "/set-password/" + token, "Back to the form");
            return;
        }
        Optional<String> email = accounts.linkOwner(token);
        if (email.isEmpty()) {
            linkGone(ctx);
            return;
        }
        String password = Objects.requireNonNullElse(Forms.field(ctx, "password"), "");
        String confirm = Objects.requireNonNullElse(Forms.field(ctx, "confirm"), "");
        Optional<String> problem = password.codePointCount(0, password.length()) < Passwords.MIN_LENGTH
                ? Optional.of("The password must be at least " + Passwords.MIN_LENGTH + " characters long.")
                : password.length() > Passwords.MAX_LENGTH
                        ? Optional.of("The password must be at most " + Passwords.MAX_LENGTH + " characters long.")
                        : password.equals(confirm)
                                ? Optional.empty()
                                : Optional.of("The two passwords are not the same.");
        if (problem.isPresent()) {
            ctx.status(400);
            renderSetPassword(ctx, token, email.get(), problem);
            return;
        }
        try {
            accounts.setPassword(token, password);
        } catch (AppException.Gone e) {
            linkGone(ctx);
            return;
        }
        ctx.redirect("/login?password=set", HttpStatus.SEE_OTHER);
    }

    private void css(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .contentType("text/css; charset=utf-8")
                .result(stylesheet);
    }

    private void renderLogin(Context ctx, String email, Optional<String> error, Optional<String> notice) {
        String browser = Cookies.read(ctx, Cookies.LOGIN);
        if (browser == null) {
            browser = random.token256();
            cookies.set(ctx, Cookies.LOGIN, browser, "/login", LOGIN_COOKIE_AGE);
        }
        render(
                ctx,
                "console/login.jte",
                new LoginPage(Shell.signedOut("Sign in"), email, error, notice, tokens.derive(LOGIN_CSRF, browser)));
    }

    private void renderSetPassword(Context ctx, String token, String email, Optional<String> error) {
        render(
                ctx,
                "console/set-password.jte",
                new SetPasswordPage(
                        Shell.signedOut("Set your password"),
                        email,
                        "/set-password/" + token,
                        error,
                        tokens.derive(SET_PASSWORD_CSRF, token)));
    }

    private void linkGone(Context ctx) {
        ctx.status(410);
        render(
                ctx,
                "console/message.jte",
                new MessagePage(
                        Shell.signedOut("Link expired"),
                        "This link no longer works",
                        "A link to set a password works once, for 24 hours. Ask an owner of the console for a new"
                                + " one (charter-sync users reset YOUR-EMAIL).",
                        "/login",
                        "Go to sign-in"));
    }

    /** A form without its CSRF token (or with another's): 403, changing nothing. */
    private void refuseForm(Context ctx, String back, String backText) {
        ctx.status(403);
        render(
                ctx,
                "console/message.jte",
                new MessagePage(
                        Shell.signedOut("Form refused"),
                        "This form could not be accepted",
                        "Its security token is missing or out of date (it may have been open too long, or sent"
                                + " from another site). Nothing was changed. Open the page again and retry.",
                        back,
                        backText));
    }

    private void render(Context ctx, String template, Object model) {
        headers(ctx);
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.html(out.toString());
    }

    /** Strict: no script at all, styles only from our own stylesheet, never framed, never cached. */
    static void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
                                + " base-uri 'none'; frame-ancestors 'none'");
    }

    private static boolean sameText(String presented, String expected) {
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) {
        try (InputStream in = Objects.requireNonNull(
                ConsoleRoutes.class.getResourceAsStream(name), name + " is missing from the program")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
