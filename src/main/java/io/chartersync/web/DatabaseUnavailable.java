package io.chartersync.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure that means "the database cannot be reached right now", not a bug: the pool found no connection
 * in time (Hikari), Jdbi could not open one, or PostgreSQL's connection broke or is shutting down (SQLState
 * class 08, 57P01–57P03). Such a request answers 503 with {@code Retry-After}; the outage is logged once a
 * minute at most, without a stack trace.
 */
final class DatabaseUnavailable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    static final long RETRY_AFTER_SECONDS = 5;
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);
    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");
    private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY.toNanos());

    private DatabaseUnavailable() {}

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || SHUTTING_DOWN.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Problem problem(Throwable failure, String method, String path) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY.toNanos() && lastLogged.compareAndSet(last, now)) {
            log.warn(
                    "The database is unavailable ({} on {} {}): answering 503 until it is back",
                    failure.getClass().getSimpleName(),
                    method,
                    path);
        }
        return Problem.of(503, "Service Unavailable", "The database is unavailable; try again shortly.");
    }
}
