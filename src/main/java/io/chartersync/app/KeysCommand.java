package io.chartersync.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code keys}: shows where the generated secrets are and how to use them. Reads files only. */
@Command(name = "keys", description = "Show the operator token and crew-service key of this data directory.")
final class KeysCommand implements Runnable {
    @Mixin
    CommonOptions options;

    @Override
    public void run() {
        AppConfig config = options.config();
        var dir = config.dataDir().resolve("secrets");
        System.out.println("Secrets of " + config.dataDir() + " (files in " + dir + ", mode 0600):");
        print("operator token (X-Dashboard-Token or Bearer)", Secrets.DASHBOARD_TOKEN_FILE, config);
        print("crew-service key (X-Service-Key or Bearer)", Secrets.SERVICE_KEY_FILE, config);
        System.out.println(
                "Production mode takes hashes instead: DASHBOARD_TOKEN_HASH / SERVICE_KEY_HASH = hex SHA-256 of the raw value.");
    }

    private static void print(String label, String file, AppConfig config) {
        System.out.println("  " + label + ": "
                + Secrets.stored(config.dataDir(), file).orElse("(not generated yet: run `charter-sync serve` once)"));
    }
}
