package io.chartersync.app;

import io.chartersync.calendar.FeedTokens;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.TokenGenerator;
import io.chartersync.db.Database;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keys}: shows the operator token, the crew-service key and the calendar feed URL of this data
 * directory; {@code keys rotate-feed-token} revokes the feed URL and prints the new one. Works whether or
 * not a server is running on the same data directory.
 */
@Command(
        name = "keys",
        description = "Show the operator token, crew-service key and calendar feed URL; rotate the feed.")
final class KeysCommand implements Runnable {
    @Mixin
    CommonOptions options;

    @Parameters(arity = "0..1", description = "rotate-feed-token: revoke the feed URL and make a new one")
    String action;

    @Option(names = "--boat", description = "The feed of one boat instead of the whole calendar")
    String boat;

    @Override
    public void run() {
        AppConfig config = options.config();
        if (action != null && !action.equals("rotate-feed-token")) {
            throw new ConfigException("unknown keys action '" + action + "' (known: rotate-feed-token)");
        }
        Secrets secrets = Secrets.resolve(config, TokenGenerator.secure());
        System.out.println("Secrets of " + config.dataDir() + " (files in " + secrets.directory() + ", mode 0600):");
        print("operator token (X-Dashboard-Token or Bearer)", Secrets.DASHBOARD_TOKEN_FILE, config);
        print("crew-service key (X-Service-Key or Bearer)", Secrets.SERVICE_KEY_FILE, config);
        try (Database db = config.db()
                .url()
                .map(url -> Database.external(url, 2))
                .orElseGet(() -> Database.embeddedForTools(config.dataDir().resolve("pg")))) {
            FeedTokens feeds = new FeedTokens(db.jdbi(), new LinkTokens(secrets.linkSigningKey()));
            Optional<String> forBoat = Optional.ofNullable(boat).filter(b -> !b.isBlank());
            String token = "rotate-feed-token".equals(action) ? feeds.rotate(forBoat) : feeds.token(forBoat);
            String url = config.http().publicBaseUrl() + "/calendar.ics?token=" + token;
            System.out.println("  calendar feed" + forBoat.map(b -> " of " + b).orElse("") + " (read-only): " + url);
            System.out.println("    subscribe: " + url.replaceFirst("^https?://", "webcal://"));
        }
        System.out.println("Production mode takes hashes instead: DASHBOARD_TOKEN_HASH / SERVICE_KEY_HASH = hex SHA-256"
                + " of the raw value.");
    }

    private static void print(String label, String file, AppConfig config) {
        System.out.println("  " + label + ": "
                + Secrets.stored(config.dataDir(), file).orElse("(given as a hash in the environment)"));
    }
}
