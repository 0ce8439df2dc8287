package io.chartersync.app;

import io.chartersync.audit.AuditLog;
import io.chartersync.common.Json;
import io.chartersync.db.Database;
import java.time.Clock;

/** The database a command-line tool works on, and how it writes the audit log. */
final class ToolDatabase {
    /** The actor of every change made from the command line. */
    static final String ACTOR = "cli";

    private ToolDatabase() {}

    /**
     * {@code DATABASE_URL}'s database (production), or the embedded one of the data directory: the running
     * server's if there is one, else one started for the tool and stopped when it is closed.
     */
    static Database open(AppConfig config) {
        return config.db()
                .url()
                .map(url -> Database.external(url, 2))
                .orElseGet(() -> Database.embeddedForTools(config.dataDir().resolve("pg")));
    }

    static AuditLog auditLog() {
        return new AuditLog(Json.mapper(), Clock.systemUTC());
    }
}
