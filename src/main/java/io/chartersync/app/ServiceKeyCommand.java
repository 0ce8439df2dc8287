package io.chartersync.app;

import io.chartersync.common.TokenGenerator;
import io.chartersync.db.Database;
import java.io.PrintWriter;

/**
 * {@code keys rotate-service-key} and {@code keys retire-service-key}. Rotating makes a new key accepted
 * together with the old ones, so clients can switch one by one; retiring leaves only the newest. Each
 * change is written to the audit log and applied in one transaction: the entry first, then the files, so
 * a change that could not be stored is not on record either.
 */
final class ServiceKeyCommand {
    private ServiceKeyCommand() {}

    static void rotate(AppConfig config, PrintWriter out) {
        ServiceKeys.Change change = apply(config, ServiceKeys.rotate(config, TokenGenerator.secure()));
        String key = change.newKey().orElseThrow();
        int older = change.accepted().size() - 1;
        String together = older == 0 ? "" : ", together with the " + older + " older key" + (older == 1 ? "" : "s");
        out.println("new crew-service key" + (change.directory().isPresent() ? "" : " (shown once)") + ": " + key);
        change.directory()
                .ifPresentOrElse(
                        dir -> {
                            out.println("  written to " + dir.resolve(Secrets.SERVICE_KEY_FILE) + "; the server of this"
                                    + " data directory accepts it from its next request on" + together);
                            out.println("  (accepted hashes: " + dir.resolve(ServiceKeys.HASHES_FILE)
                                    + "); for production mode the same keys are:");
                        },
                        () -> out.println(
                                "  stored nowhere, so keep it now; set this on every node and restart them, and the new key"
                                        + " is accepted" + together + ":"));
        out.println(change.variable());
        if (older > 0) {
            out.println("Give clients the new key; when none uses an older one any more: ./charter-sync keys"
                    + " retire-service-key");
        }
    }

    static void retire(AppConfig config, PrintWriter out) {
        ServiceKeys.Change change = ServiceKeys.retire(config);
        if (!change.changesAnything()) {
            out.println("nothing to retire: only one crew-service key is accepted");
            out.println(change.variable());
            return;
        }
        apply(config, change);
        int retired = change.retired().size();
        out.println("retired " + retired + " crew-service key" + (retired == 1 ? "" : "s") + "; only the newest is"
                + " accepted"
                + change.directory()
                        .map(dir -> ", by the server of this data directory from its next request on")
                        .orElse(" once this is set on every node and they are restarted:"));
        out.println(change.variable());
    }

    private static ServiceKeys.Change apply(AppConfig config, ServiceKeys.Change change) {
        try (Database db = ToolDatabase.open(config)) {
            db.jdbi().useTransaction(h -> {
                ToolDatabase.auditLog().append(h, change.audit(ToolDatabase.ACTOR));
                change.apply();
            });
        }
        return change;
    }
}
