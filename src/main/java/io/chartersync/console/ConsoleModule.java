package io.chartersync.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.TemplateEngine;
import io.chartersync.audit.AuditLog;
import io.chartersync.booking.BookingDesk;
import io.chartersync.calendar.FeedTokens;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.OperatorContact;
import io.chartersync.common.TokenGenerator;
import io.chartersync.crew.CrewModule;
import io.chartersync.crew.CrewPort;
import io.chartersync.crew.Roster;
import io.chartersync.feed.Feeds;
import io.chartersync.guestpage.GuestPageModule;
import io.chartersync.mail.FailedEmails;
import io.chartersync.mail.Mailbox;
import io.chartersync.web.ClientAddress;
import io.chartersync.web.RouteModule;
import io.chartersync.workflow.SyncRetry;
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
     * @param roster the crew roster the Crew pages edit (with each member's upcoming charters)
     * @param boats the boats' profiles the Boats pages edit
     * @param settings the operator's contact the Settings page edits (made by {@link #operatorSettings})
     * @param feeds the calendar feed's token, for its URL on the Settings page
     * @param marinaZone the clock the board's days and every time on the pages are on
     * @param syncRetry retries a failed or stuck sync (Needs attention's Retry)
     * @param failedEmails a booking's failed emails, and sending one again
     * @param crewDesk the roster (to replace a member) and resending an invitation
     * @param json reads the details of audit entries
     * @param rosterNames the crew roster (id to name; a deactivated member marked so), for choosing crew in the booking forms
     * @param outbox the emails as the operator reads them: a booking's emails and the mailbox
     * @param marketplaceFeeds the marketplace calendar feeds (the Feeds page; a failing feed and a booking gone
     *     from its feed in Needs attention)
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
            Roster roster,
            GuestPageModule boats,
            OperatorSettings settings,
            FeedTokens feeds,
            ZoneId marinaZone,
            SyncRetry syncRetry,
            FailedEmails failedEmails,
            CrewModule crewDesk,
            ObjectMapper json,
            Supplier<Map<String, String>> rosterNames,
            Mailbox outbox,
            Feeds marketplaceFeeds) {}

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
        Pages pages = new Pages(
                signIn,
                d.templates(),
                () -> attentionCount(d.bookings())
                        + d.marketplaceFeeds().failing().size(),
                d.mailbox());
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
                        new BookingListRoutes(pages, d.bookings(), d.crew(), d.boats()),
                        new CrewRoutes(pages, d.roster()),
                        new BoatPages(pages, d.boats(), d.bookings(), d.clock()),
                        new SettingsRoutes(pages, d.settings(), accounts, d.feeds(), d.publicBaseUrl()),
                        new FaviconRoutes(),
                        new BoardRoutes(pages, d.bookings(), d.crew(), d.marinaZone(), d.clock()),
                        new AttentionRoutes(
                                pages,
                                d.bookings(),
                                d.crew(),
                                d.crewDesk()::activeMembers,
                                d.failedEmails(),
                                d.marketplaceFeeds(),
                                d.marinaZone()),
                        new ActionRoutes(
                                pages,
                                d.bookings(),
                                d.syncRetry(),
                                d.crewDesk(),
                                d.failedEmails(),
                                d.jdbi(),
                                d.audit(),
                                d.marketplaceFeeds()),
                        new BookingFormRoutes(pages, d),
                        detail,
                        new MailboxRoutes(pages, d),
                        new FeedPages(pages, d.marketplaceFeeds(), d.boats(), d.marinaZone())));
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
     * The operator's contact as the Settings page stores it, over the environment's {@code defaults}: made before
     * the modules that show it (guest pages, emails), and handed to this module in {@link Deps#settings}.
     */
    public static OperatorSettings operatorSettings(Jdbi jdbi, AuditLog audit, OperatorContact defaults, Clock clock) {
        OperatorSettings settings = new OperatorSettings(jdbi, audit, defaults, clock);
        settings.current(); // read once at start, outside any transaction: no caller ever waits for the first read
        return settings;
    }

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

    /** The sign-in, sign-out, set-password and home pages, the console's stylesheet, and the favicon. */
    public List<RouteModule> routes() {
        return routes;
    }

    /** The path of a one-time set-password link of {@code token} (to put after the site's address). */
    public static String setPasswordPath(String token) {
        return "/set-password/" + token;
    }
}
