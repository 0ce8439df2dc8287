package io.chartersync.app;

import io.chartersync.common.AppException;
import io.chartersync.common.TokenGenerator;
import io.chartersync.console.Account;
import io.chartersync.console.Accounts;
import io.chartersync.console.ConsoleModule;
import io.chartersync.console.Role;
import io.chartersync.db.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code users add|list|remove|reset}: the operator console's accounts. Works whether or not a server runs
 * on the data directory (see {@link ToolDatabase}); every change is audited, by actor {@code cli}. Links
 * start with {@code PUBLIC_BASE_URL} or the given port, else with the address the server last recorded.
 */
@Command(
        name = "users",
        description = "Add, list, remove or reset the users of the operator console.",
        subcommands = {
            UsersCommand.Add.class,
            UsersCommand.ListUsers.class,
            UsersCommand.Remove.class,
            UsersCommand.Reset.class
        },
        mixinStandardHelpOptions = true)
final class UsersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code action} on the data directory's accounts; a refused change prints why and exits 1. */
    static int withAccounts(CommonOptions options, CommandSpec spec, Function<Accounts, String> action) {
        AppConfig config = options.config();
        try (Database db = ToolDatabase.open(config)) {
            Accounts accounts = ConsoleModule.accounts(
                    db.jdbi(), ToolDatabase.auditLog(), Clock.systemUTC(), TokenGenerator.secure());
            String printed = action.apply(accounts);
            spec.commandLine().getOut().print(printed);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (AppException e) {
            spec.commandLine().getErr().println("charter-sync: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    static String link(CommonOptions options, String token) {
        return ServerAddress.publicBaseUrl(options.config(), options.addressGiven())
                + ConsoleModule.setPasswordPath(token);
    }

    @Command(name = "add", description = "Add a user; prints a one-time link (24 h) to set the password.")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "EMAIL", description = "The user's email (signs in with it)")
        String email;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "owner|dispatcher",
                description = "owner: sees everything; dispatcher: never revenue or the internal note")
        String role;

        @Option(
                names = "--password-stdin",
                description =
                        "Read the password (12 characters or more) from standard input instead of printing a link")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role).orElse(null);
            if (parsed == null) {
                spec.commandLine().getErr().println("charter-sync: --role must be owner or dispatcher, was " + role);
                return 2;
            }
            String password = passwordStdin ? readPassword(System.in) : null;
            return withAccounts(options, spec, accounts -> {
                if (password != null) {
                    Account added = accounts.addWithPassword(email, parsed, password, ToolDatabase.ACTOR);
                    return "Added " + added.email() + " (" + added.role().wire() + ") with the password given.\n";
                }
                String token = accounts.add(email, parsed, ToolDatabase.ACTOR);
                return "Added " + email.strip() + " (" + parsed.wire() + ").\n"
                        + "One-time link to set the password (valid 24 h):\n  " + link(options, token) + "\n";
            });
        }
    }

    @Command(name = "list", description = "List the users, their roles and whether they have set a password.")
    static final class ListUsers implements Callable<Integer> {
        private static final DateTimeFormatter DAY =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

        @Mixin
        CommonOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withAccounts(options, spec, accounts -> {
                List<Account> all = accounts.list();
                if (all.isEmpty()) {
                    return "No users yet: add one with  charter-sync users add EMAIL --role owner\n";
                }
                StringBuilder out = new StringBuilder();
                for (Account a : all) {
                    out.append(String.format(
                            "%-40s %-10s %-22s added %s%n",
                            a.email(),
                            a.role().wire(),
                            a.passwordSet() ? "password set" : "waiting for password",
                            DAY.format(a.createdAt())));
                }
                return out.toString();
            });
        }
    }

    @Command(name = "remove", description = "Remove a user: signed out at once, can no longer sign in.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            return withAccounts(options, spec, accounts -> {
                accounts.remove(email, ToolDatabase.ACTOR);
                return "Removed " + email.strip() + "; their sessions have ended.\n";
            });
        }
    }

    @Command(
            name = "reset",
            description = "Reset a user's password: it stops working, and a new one-time link (24 h) is printed.")
    static final class Reset implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            return withAccounts(options, spec, accounts -> {
                String token = accounts.reset(email, ToolDatabase.ACTOR);
                return "Reset the password of " + email.strip() + "; their sessions have ended.\n"
                        + "One-time link to set a new password (valid 24 h):\n  " + link(options, token) + "\n";
            });
        }
    }

    /** The first line of standard input (the password), without its line break; empty when there is none. */
    static String readPassword(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the password from standard input", e);
        }
    }
}
