package io.chartersync.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.TemplateEngine;
import io.chartersync.audit.AuditLog;
import io.chartersync.booking.BookingDesk;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.TokenGenerator;
import io.chartersync.crew.CrewPort;
import io.chartersync.mail.Mailbox;
import io.chartersync.web.ClientAddress;
import io.chartersync.web.RouteModule;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator console: its users ({@link Accounts}), sign-in and sessions, and its pages on the program's
 * port ({@code /}, {@code /login}, {@code /logout}, {@code /set-password/{token}}). The one entry point of
 * the package: the rest is package-private (the page models are public only for the compiled templates).
 */
public final class ConsoleModule {

    /**
     * What the console needs from the rest of the program.
     *
     * @param publicBaseUrl the site's address: the session cookie is {@code Secure} when it is https
     * @param linkTokens derives the CSRF tokens of the forms
     * @param clients who a request comes from, for the sign-in limits per address
     * @param bookings what the operator does with bookings (the same desk as the intake API's)
     * @param crew the crew of each booking's event, with their answers
     * @param mailbox whether emails are files here (embedded mode), so the console shows its mailbox
     * @param marinaZone the marina's clock, on which the pages show times and the forms read them
     * @param json reads the details of audit entries
     * @param roster the crew roster (id to name), for choosing crew in the booking forms
     * @param outbox the emails as the operator reads them: a booking's emails and the mailbox
     */
    public record Deps(
            Jdbi jdbi,
            AuditLog audit,
            TemplateEngine templates,
            LinkTokens linkTokens,
            TokenGenerator random,
            URI publicBaseUrl,
            ClientAddress clients,
            Clock clock,
            BookingDesk bookings,
            CrewPort crew,
            boolean mailbox,
            ZoneId marinaZone,
            ObjectMapper json,
            Supplier<Map<String, String>> roster,
            Mailbox outbox) {}

    private final Accounts accounts;
    private final List<RouteModule> routes;

    private ConsoleModule(Accounts accounts, List<RouteModule> routes) {
        this.accounts = accounts;
        this.routes = List.copyOf(routes);
    }

    public static ConsoleModule create(Deps d) {
        Passwords passwords = new Passwords();
        Accounts accounts = new Accounts(d.jdbi(), d.audit(), d.clock(), d.random(), passwords);
        SignIn signIn = new SignIn(d.jdbi(), d.clock(), d.random(), d.linkTokens(), passwords);
        Pages pages = new Pages(signIn, d.templates(), () -> attentionCount(d.bookings()), d.mailbox());
        ConsoleRoutes signInRoutes = new ConsoleRoutes(
                signIn,
                accounts,
                pages,
                d.linkTokens(),
                d.random(),
                d.clients(),
                new Cookies("https".equalsIgnoreCase(d.publicBaseUrl().getScheme())));
        BookingDetailRoutes detail = new BookingDetailRoutes(pages, d);
        return new ConsoleModule(
                accounts,
                List.of(
                        signInRoutes,
                        new BoardRoutes(pages),
                        new BookingFormRoutes(pages, d),
                        detail,
                        new MailboxRoutes(pages, d)));
    }

    /**
     * How many bookings need attention, for the count on every page (at most {@link #ATTENTION_SHOWN}: the
     * page says "500+" beyond). It reads every booking's status: fine for a charter business's bookings,
     * to be kept in a column if the count ever shows in the bench.
     */
    private static int attentionCount(BookingDesk bookings) {
        return bookings.list(Map.of("attention", List.of("true"), "limit", List.of(Integer.toString(ATTENTION_SHOWN))))
                .bookings()
                .size();
    }

    /** The most the attention count counts. */
    static final int ATTENTION_SHOWN = 500;

    /**
     * The console's users on a database, for the command line (which works whether or not a server runs):
     * the same rules and audit entries as the server's.
     */
    public static Accounts accounts(Jdbi jdbi, AuditLog audit, Clock clock, TokenGenerator random) {
        return new Accounts(jdbi, audit, clock, random, new Passwords());
    }

    public Accounts accounts() {
        return accounts;
    }

    /** The sign-in, sign-out, set-password and home pages, and the console's stylesheet. */
    public List<RouteModule> routes() {
        return routes;
    }

    /** The path of a one-time set-password link of {@code token} (to put after the site's address). */
    public static String setPasswordPath(String token) {
        return "/set-password/" + token;
    }
}
