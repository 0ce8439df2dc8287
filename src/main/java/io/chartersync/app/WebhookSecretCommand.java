package io.chartersync.app;

import io.chartersync.db.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keys webhook-secret SOURCE}: makes a signing secret for the signed webhooks of {@code SOURCE}
 * ({@code whsec_} and the base64 of 32 random bytes), keeps it in {@code DATA_DIR/secrets/webhook-secrets}
 * and prints it. The source's older secrets stay accepted, so a sender can switch to the new one (a rotation);
 * {@code --retire} then keeps only the newest, {@code --replace} makes a new one that alone is accepted. The
 * server reads the file again when it changes (at the next delivery). Embedded mode only: in production mode the secrets are {@code
 * WEBHOOK_SECRETS}, set on every node. Every change is written to the audit log ({@code key.rotated} or {@code
 * key.retired}, subject {@code key:webhook-secret:SOURCE}, the secrets' fingerprints), by actor {@code cli}.
 */
@Command(
        name = "webhook-secret",
        description = "Make a signing secret for POST /webhooks/SOURCE (embedded mode), kept in the data directory.")
final class WebhookSecretCommand implements Runnable {
    /** What to do with the source's secrets. */
    enum Mode {
        ADD,
        REPLACE,
        RETIRE
    }

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The source, as in the bookings (e.g. fareharbor)")
    String source;

    @ArgGroup(exclusive = true)
    Modes modes;

    static final class Modes {
        @Option(names = "--replace", description = "A new secret that alone is accepted: the older ones are dropped")
        boolean replace;

        @Option(names = "--retire", description = "No new secret: keep only the newest one, drop the older ones")
        boolean retire;
    }

    @Override
    public void run() {
        Mode mode = modes == null ? Mode.ADD : modes.replace ? Mode.REPLACE : modes.retire ? Mode.RETIRE : Mode.ADD;
        PrintWriter out = spec.commandLine().getOut();
        run(options.config(), options.addressGiven(), source, mode, new SecureRandom(), out);
        out.flush();
    }

    /** The command's work (tests call it): refuses in production mode, else changes the file and says so. */
    static void run(
            AppConfig config, boolean addressGiven, String source, Mode mode, SecureRandom random, PrintWriter out) {
        if (config.production()) {
            throw new CommandFailure("keys webhook-secret works in embedded mode only; in production mode (DATABASE_URL"
                    + " is set) set WEBHOOK_SECRETS=" + source + "=whsec_… on every node (make one with: echo"
                    + " whsec_$(openssl rand -base64 32))");
        }
        Path file = WebhookSecrets.file(config);
        String restart = "; the server of this data directory reads it at its next delivery (no restart needed)";
        if (mode == Mode.RETIRE) {
            WebhookSecrets.Change change = apply(config, WebhookSecrets.retire(file, source));
            out.println("retired " + change.dropped() + " older webhook secret" + (change.dropped() == 1 ? "" : "s")
                    + " of " + source + ": only the newest is kept in " + file + restart);
            return;
        }
        WebhookSecrets.Change change = apply(config, WebhookSecrets.add(file, source, mode == Mode.REPLACE, random));
        out.println("new webhook secret for " + source + ": " + change.secret().orElseThrow());
        String others = change.kept() > 0
                ? ", together with " + change.kept() + " older one" + (change.kept() == 1 ? "" : "s")
                        + " (still accepted)"
                : change.dropped() > 0
                        ? ", instead of the " + change.dropped() + " older one" + (change.dropped() == 1 ? "" : "s")
                        : "";
        out.println("  kept in " + file + others + restart);
        out.println("  the sender signs POST " + ServerAddress.publicBaseUrl(config, addressGiven) + "/webhooks/"
                + source + " with it (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature)");
        if (change.kept() > 0) {
            out.println("When the sender signs with the new one: ./charter-sync keys webhook-secret " + source
                    + " --retire");
        }
    }

    /**
     * A key rotation is on record (DESIGN.md, Security): the audit entry (fingerprints, never a secret) and
     * the file in one transaction, the entry first, so a change that could not be written is not on record
     * either (as {@link ServiceKeyCommand} does).
     */
    private static WebhookSecrets.Change apply(AppConfig config, WebhookSecrets.Change change) {
        try (Database db = ToolDatabase.open(config)) {
            db.jdbi().useTransaction(h -> {
                ToolDatabase.auditLog().append(h, change.audit(ToolDatabase.ACTOR));
                change.apply();
            });
        }
        return change;
    }
}
