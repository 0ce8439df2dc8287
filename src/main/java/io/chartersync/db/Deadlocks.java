package io.chartersync.db;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a transaction again when PostgreSQL chose it as a deadlock victim (SQLState 40P01). Concurrent
 * inserts checked by one exclusion constraint (two overlapping calendar entries, say) can each wait for the
 * other; PostgreSQL breaks the cycle by failing one, which, run again, sees the winner's row and answers as
 * it should (a clash) instead of a 500.
 */
public final class Deadlocks {
    private static final String DEADLOCK = "40P01";
    private static final int ATTEMPTS = 3;

    private Deadlocks() {}

    public static <T> T retrying(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (JdbiException e) {
                if (attempt >= ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && DEADLOCK.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
