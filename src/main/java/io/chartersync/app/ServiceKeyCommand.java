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
        out.println("new crew-service key (shown once): " + key);
        change.directory()
                .ifPresentOrElse(
                        dir -> out.println("  stored in " + dir.resolve(Secrets.SERVICE_KEY_FILE)
                                + "; accepted now with "
                                + (change.accepted().size() - 1) + " older key(s), the server of this data directory"
                                + " included (" + dir.resolve(ServiceKeys.HASHES_FILE) + ")"),
                        () -> out.println("  stored nowhere: set the variable below on every node and restart them;"
                                + " the new and the old keys are then both accepted"));
        out.println(change.variable());
        out.println(
                "Give clients the new key; when none uses an old one any more: ./charter-sync keys retire-service-key");
    }

    static void retire(AppConfig config, PrintWriter out) {
        ServiceKeys.Change change = ServiceKeys.retire(config);
        if (!change.changesAnything()) {
            out.println("nothing to retire: only one crew-service key is accepted");
            out.println(change.variable());
            return;
        }
        apply(config, change);
        out.println("retired " + change.retired().size() + " crew-service key(s); only the newest is accepted"
                + change.directory()
                        .map(dir -> " from now on, by the server of this data directory too")
                        .orElse(" once the variable below is set on every node and they are restarted"));
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
