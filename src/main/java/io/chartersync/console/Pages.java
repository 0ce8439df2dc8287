package io.chartersync.console;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.chartersync.web.Forms;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * What every signed-in page of the console needs: the signed-in user (else a 303 to {@code /login}), the
 * layout around the page ({@link Shell}), CSRF on every form, 403 for a dispatcher on an owner's page,
 * rendering with the console's headers. A page registers {@code routes.get(path, pages.page(this::show))}
 * and a form {@code routes.post(path, pages.form(this::save))}: the handler runs only for a signed-in user
 * and, for a form, a valid CSRF token.
 */
final class Pages {

    /** A console page's handler: it runs with the signed-in user. */
    @FunctionalInterface
    interface SignedInHandler {
        void handle(Context ctx, SignedIn user) throws Exception;
    }

    private final SignIn signIn;
    private final TemplateEngine templates;
    private final IntSupplier attentionCount;
    private final boolean mailbox;

    Pages(SignIn signIn, TemplateEngine templates, IntSupplier attentionCount, boolean mailbox) {
        this.signIn = signIn;
        this.templates = templates;
        this.attentionCount = attentionCount;
        this.mailbox = mailbox;
    }

    /** The signed-in user of a request, or empty (no cookie, or a session that has ended). */
    Optional<SignedIn> user(Context ctx) {
        return signIn.session(Cookies.read(ctx, Cookies.SESSION));
    }

    /** A page for any signed-in user; without a session, a 303 to the sign-in form. */
    Handler page(SignedInHandler handler) {
        return ctx -> {
            Optional<SignedIn> user = user(ctx);
            if (user.isEmpty()) {
                ctx.redirect("/login", HttpStatus.SEE_OTHER);
                return;
            }
            handler.handle(ctx, user.get());
        };
    }

    /** A page for owners only: a dispatcher gets a 403 page saying so. */
    Handler ownerPage(SignedInHandler handler) {
        return page((ctx, user) -> {
            if (user.role() != Role.OWNER) {
                forbidden(ctx, user);
                return;
            }
            handler.handle(ctx, user);
        });
    }

    /**
     * A form's POST: a signed-in user and the session's CSRF token, else 403 and nothing changes (without a
     * session: 303 to the sign-in form, nothing changes).
     */
    Handler form(SignedInHandler handler) {
        return page((ctx, user) -> {
            Forms.requireForm(ctx, false);
            if (!sameText(Forms.field(ctx, "csrf"), user.csrf())) {
                refuseForm(ctx, shell("Form refused", user, Optional.empty()), "/", "Back to the console");
                return;
            }
            handler.handle(ctx, user);
        });
    }

    /** A form's POST that only an owner may send. */
    Handler ownerForm(SignedInHandler handler) {
        return form((ctx, user) -> {
            if (user.role() != Role.OWNER) {
                forbidden(ctx, user);
                return;
            }
            handler.handle(ctx, user);
        });
    }

    /** The layout of a wide page of {@code section}, for {@code user}, with the attention count now. */
    Shell shell(String title, SignedIn user, Optional<Section> section) {
        return new Shell(title, Optional.of(user), false, section, attentionCount.getAsInt(), mailbox);
    }

    Shell shell(String title, SignedIn user, Section section) {
        return shell(title, user, Optional.of(section));
    }

    /** Renders {@code template} with {@code model} as the answer, with the console's headers. */
    void render(Context ctx, String template, Object model) {
        headers(ctx);
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.html(out.toString());
    }

    /** A page that says something, with one link onwards, under {@code status}. */
    void message(Context ctx, int status, Shell shell, String heading, String text, String href, String linkText) {
        ctx.status(status);
        render(ctx, "console/message.jte", new MessagePage(shell, heading, text, href, linkText));
    }

    /** 404 as a console page. */
    void notFound(Context ctx, SignedIn user, String what) {
        message(
                ctx,
                404,
                shell("Not found", user, Optional.empty()),
                "Not found",
                "There is no " + what + " here. It may have been removed, or the address is mistyped.",
                "/",
                "Back to the board");
    }

    /** A form without its CSRF token (or with another's): 403, changing nothing. */
    void refuseForm(Context ctx, Shell shell, String back, String backText) {
        message(
                ctx,
                403,
                shell,
                "This form could not be accepted",
                "Its security token is missing or out of date (it may have been open too long, or sent from another"
                        + " site). Nothing was changed. Open the page again and retry.",
                back,
                backText);
    }

    private void forbidden(Context ctx, SignedIn user) {
        message(
                ctx,
                403,
                shell("Owners only", user, Optional.empty()),
                "Owners only",
                "This page is for the owners of the business. Ask an owner if you need something here.",
                "/",
                "Back to the board");
    }

    /**
     * Strict: scripts only from our own server (htmx), styles only from our own stylesheet, never framed,
     * never cached.
     */
    static void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                                + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    }

    static boolean sameText(String presented, String expected) {
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
