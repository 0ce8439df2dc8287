package io.chartersync.console;

import gg.jte.TemplateEngine;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.TokenGenerator;
import io.chartersync.web.ClientAddress;
import io.chartersync.web.RouteModule;
import java.net.URI;
import java.time.Clock;
import java.util.List;
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
     */
    public record Deps(
            Jdbi jdbi,
            AuditLog audit,
            TemplateEngine templates,
            LinkTokens linkTokens,
            TokenGenerator random,
            URI publicBaseUrl,
            ClientAddress clients,
            Clock clock) {}

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
        ConsoleRoutes pages = new ConsoleRoutes(
                signIn,
                accounts,
                d.templates(),
                d.linkTokens(),
                d.random(),
                d.clients(),
                new Cookies("https".equalsIgnoreCase(d.publicBaseUrl().getScheme())));
        return new ConsoleModule(accounts, List.of(pages, new FaviconRoutes()));
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
