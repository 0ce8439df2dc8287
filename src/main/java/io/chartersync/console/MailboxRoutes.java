package io.chartersync.console;

import io.chartersync.mail.Mailbox;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Optional;

/**
 * The mailbox, in embedded mode only (emails are files there, so nobody else shows them): {@code GET
 * /mailbox}, the outbox newest first, a page at a time; {@code GET /mailbox/{email}}, one email's preview.
 * Without it (SMTP), both answer 404.
 */
final class MailboxRoutes implements RouteModule {
    static final int PAGE = 50;

    private final Pages pages;
    private final ConsoleModule.Deps d;

    MailboxRoutes(Pages pages, ConsoleModule.Deps d) {
        this.pages = pages;
        this.d = d;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/mailbox", pages.page(this::list));
        routes.get("/mailbox/{email}", pages.page(this::preview));
    }

    private void list(Context ctx, SignedIn user) {
        if (!d.mailbox()) {
            pages.notFound(ctx, user, "mailbox (emails go out by SMTP)");
            return;
        }
        int page = page(ctx.queryParam("page"));
        boolean owner = user.role() == Role.OWNER;
        List<Mailbox.Letter> letters = d.outbox().newest((page - 1) * PAGE, PAGE + 1);
        List<BookingDetailPage.EmailLine> lines = letters.stream()
                .limit(PAGE)
                .map(l -> EmailLines.of(l, owner, d.marinaZone(), "/mailbox/" + l.id()))
                .toList();
        pages.render(
                ctx,
                "console/mailbox.jte",
                new MailboxPage(pages.shell("Mailbox", user, Section.MAILBOX), lines, page, letters.size() > PAGE));
    }

    private void preview(Context ctx, SignedIn user) {
        Optional<Mailbox.Letter> letter = d.mailbox()
                ? BookingDetailRoutes.uuid(ctx.pathParam("email")).flatMap(d.outbox()::find)
                : Optional.empty();
        if (letter.isEmpty()) {
            pages.notFound(ctx, user, "email");
            return;
        }
        showPreview(pages, d, ctx, user, letter.get(), "/mailbox", "Back to the mailbox", Section.MAILBOX);
    }

    static void showPreview(
            Pages pages,
            ConsoleModule.Deps d,
            Context ctx,
            SignedIn user,
            Mailbox.Letter letter,
            String back,
            String backLabel,
            Section section) {
        boolean owner = user.role() == Role.OWNER;
        String text = d.outbox().text(letter.id()).orElse("");
        if (!owner && EmailLines.forGuest(letter.kind())) {
            text = text.replace(letter.recipient(), "[the guest's address]");
        }
        pages.render(
                ctx,
                "console/email-preview.jte",
                new EmailPreviewPage(
                        pages.shell(letter.subject(), user, section),
                        EmailLines.of(letter, owner, d.marinaZone(), ctx.path()),
                        text,
                        back,
                        backLabel));
    }

    private static int page(String text) {
        try {
            return text == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
