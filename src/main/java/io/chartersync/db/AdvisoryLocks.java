package io.chartersync.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The PostgreSQL advisory locks of the program, each under a named {@link Key}, so that every lock and its
 * number are listed here and no two uses can pick the same one. The numbers are those the program has
 * always used: two versions of it running side by side during an upgrade still exclude each other.
 */
public final class AdvisoryLocks {
    /** The first int of the audit chains' keys (the second is 100 + the chain). */
    private static final int AUDIT_CHAINS = 20261124;
    /** The first int of the role grants' key (the second is 1). */
    private static final int ROLE_GRANTS = 20261202;

    private AdvisoryLocks() {}

    /**
     * What a lock is about. PostgreSQL keeps keys of one bigint apart from keys of two ints, so the booking
     * keys (one bigint each) never meet the others (two ints).
     */
    public sealed interface Key {
        /** One booking: the sync runs of its versions exclude each other. */
        record BookingSync(UUID bookingId) implements Key {}

        /** One of the audit log's hash chains: appends to it are serialized. */
        record AuditChain(int chain) implements Key {}

        /** The serving role's grants, set at start: two programs starting at once would race on them. */
        record RoleGrants() implements Key {}
    }

    /** A session lock that is held; {@link #release()} gives it up (on the handle that took it). */
    public static final class Held {
        private final Handle handle;
        private final Key key;

        private Held(Handle handle, Key key) {
            this.handle = handle;
            this.key = key;
        }

        public void release() {
            query(handle, "pg_advisory_unlock", key, "").mapTo(Boolean.class).one();
        }
    }

    /** Takes the lock until the transaction of {@code h} ends, waiting for whoever holds it. */
    public static void lockForTransaction(Handle h, Key key) {
        // ::text: the function answers void, which a mapper cannot read.
        query(h, "pg_advisory_xact_lock", key, "::text").mapTo(String.class).one();
    }

    /** The same for a plain JDBC connection (the start-up code that runs before Jdbi exists). */
    static void lockForTransaction(Connection c, Key key) throws SQLException {
        List<Object> args = args(key);
        try (PreparedStatement s = c.prepareStatement(sql("pg_advisory_xact_lock", args, ""))) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
            }
        }
    }

    /**
     * Takes the lock for the session of {@code h} if nobody holds it, without waiting; empty when another
     * session holds it. The caller releases what it got, on the same handle.
     */
    public static Optional<Held> trySessionLock(Handle h, Key key) {
        boolean locked =
                query(h, "pg_try_advisory_lock", key, "").mapTo(Boolean.class).one();
        return locked ? Optional.of(new Held(h, key)) : Optional.empty();
    }

    private static Query query(Handle h, String function, Key key, String cast) {
        List<Object> args = args(key);
        Query query = h.createQuery(sql(function, args, cast));
        for (int i = 0; i < args.size(); i++) {
            query.bind(i, args.get(i));
        }
        return query;
    }

    private static String sql(String function, List<Object> args, String cast) {
        return "select " + function + (args.size() == 1 ? "(?)" : "(?, ?)") + cast;
    }

    /** The key's number: one bigint, or two ints. */
    private static List<Object> args(Key key) {
        return switch (key) {
            case Key.BookingSync(UUID id) -> List.of(id.getMostSignificantBits() ^ id.getLeastSignificantBits());
            case Key.AuditChain(int chain) -> List.of(AUDIT_CHAINS, 100 + chain);
            case Key.RoleGrants() -> List.of(ROLE_GRANTS, 1);
        };
    }
}
