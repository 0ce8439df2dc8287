package io.chartersync.app;

import io.chartersync.calendar.CalendarModule;
import io.chartersync.calendar.FeedTokens;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.TokenGenerator;
import io.chartersync.db.Database;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keys}: shows the operator token, the crew-service key and the calendar feed URL of this data
 * directory; {@code keys rotate-feed-token} revokes the feed URL and prints the new one; {@code keys
 * rotate-service-key} and {@code keys retire-service-key} rotate the crew-service key (see {@link
 * ServiceKeyCommand}). Works whether or not a server is running on the same data directory; every change
 * is written to the audit log, by actor {@code cli}. The feed URL starts with {@code PUBLIC_BASE_URL} or
 * the given port, else with the address the server last started on the data directory recorded there.
 * {@code keys webhook-secret SOURCE} makes a signing secret for signed webhooks ({@link WebhookSecretCommand}).
 */
@Command(
        name = "keys",
        description = "Show the operator token, crew-service key and calendar feed URL; rotate the feed or the key.",
        subcommands = WebhookSecretCommand.class)
final class KeysCommand implements Runnable {
    private static final String ACTIONS = "rotate-feed-token, rotate-service-key, retire-service-key";

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            description = "rotate-feed-token: revoke the feed URL and make a new one; rotate-service-key: a new"
                    + " crew-service key, the old one still accepted; retire-service-key: accept only the newest")
    String action;

    @Option(names = "--boat", description = "The feed of one boat instead of the whole calendar")
    String boat;

    @Override
    public void run() {
        AppConfig config = options.config();
        PrintWriter out = spec.commandLine().getOut();
        switch (action == null ? "" : action) {
            case "", "rotate-feed-token" -> show(config, out, "rotate-feed-token".equals(action));
            case "rotate-service-key" -> ServiceKeyCommand.rotate(config, out);
            case "retire-service-key" -> ServiceKeyCommand.retire(config, out);
            default -> throw new ConfigException("unknown keys action '" + action + "' (known: " + ACTIONS + ")");
        }
        out.flush();
    }

    private void show(AppConfig config, PrintWriter out, boolean rotate) {
        Secrets secrets = Secrets.resolve(config, TokenGenerator.secure());
        out.println("Secrets of " + config.dataDir() + " (files in " + secrets.directory() + ", mode 0600):");
        print(out, "operator token (X-Dashboard-Token or Bearer)", Secrets.DASHBOARD_TOKEN_FILE, config);
        print(out, "crew-service key (X-Service-Key or Bearer)", Secrets.SERVICE_KEY_FILE, config);
        try (Database db = ToolDatabase.open(config)) {
            FeedTokens feeds = CalendarModule.feedTokens(
                    db.jdbi(), new LinkTokens(secrets.linkSigningKey()), ToolDatabase.auditLog());
            Optional<String> forBoat = Optional.ofNullable(boat).filter(b -> !b.isBlank());
            String token = rotate ? feeds.rotate(forBoat, ToolDatabase.ACTOR) : feeds.token(forBoat);
            String url = ServerAddress.publicBaseUrl(config, options.addressGiven()) + "/calendar.ics?token=" + token;
            out.println("  calendar feed" + forBoat.map(b -> " of " + b).orElse("") + " (read-only): " + url);
            out.println("    subscribe: " + url.replaceFirst("^https?://", "webcal://"));
        }
        out.println("Production mode takes hashes instead: DASHBOARD_TOKEN_HASH / SERVICE_KEY_HASH = hex SHA-256"
                + " of the raw value.");
    }

    private static void print(PrintWriter out, String label, String file, AppConfig config) {
        out.println("  " + label + ": "
                + Secrets.stored(config.dataDir(), file).orElse("(given as a hash in the environment)"));
    }
}
