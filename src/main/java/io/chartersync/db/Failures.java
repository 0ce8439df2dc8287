package io.chartersync.db;

import io.chartersync.common.Failure;
import io.chartersync.common.Failure.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/**
 * Whether a durable task's failure is worth a retry: the one place that decides, for the sync saga and every
 * {@link RetriedTask} (through {@link Backoff}). The first exception in the cause chain that says decides:
 *
 * <ul>
 *   <li>one of ours ({@link Failure}) says so itself: storage failures and {@code TransientFailure} are
 *       transient, {@code AppException}s permanent but for {@code TooManyRequests};
 *   <li>a PostgreSQL error is transient when the same statement can succeed later: no connection (SQLState
 *       class 08), a deadlock or serialization failure (class 40), no resources (53), a server shutting down or
 *       a statement timeout (57P01–57P03, 57014), a lock not available (55P03), an I/O error (58); JDBC's own
 *       transient and recoverable types, Jdbi's {@link ConnectionException} and an error without a SQLState
 *       (the driver's, not the server's answer) too. Any other SQLState (a constraint, a syntax, a value) is
 *       permanent: the server will answer the same again;
 *   <li>I/O ({@link IOException}, timeouts, an interrupt while waiting) and running out of memory are
 *       transient;
 *   <li>wrappers (Jdbi's, {@link UncheckedIOException}, futures') pass the question to their cause;
 *   <li>anything else is permanent: a {@code NullPointerException}, an {@code IllegalStateException} and their
 *       like are programming errors, and retrying them for hours only hides them.
 * </ul>
 */
public final class Failures {
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "58");
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "57014", "55P03");

    private Failures() {}

    public static Kind kind(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            switch (t) {
                case Failure ours -> {
                    return ours.kind();
                }
                case SQLException sql -> {
                    return kindOf(sql);
                }
                case ConnectionException unreachable -> {
                    return Kind.TRANSIENT;
                }
                case IOException io -> {
                    return Kind.TRANSIENT;
                }
                case TimeoutException timeout -> {
                    return Kind.TRANSIENT;
                }
                case InterruptedException interrupted -> {
                    return Kind.TRANSIENT;
                }
                case OutOfMemoryError memory -> {
                    return Kind.TRANSIENT;
                }
                case JdbiException wrapper -> {}
                case UncheckedIOException wrapper -> {}
                case CompletionException wrapper -> {}
                case ExecutionException wrapper -> {}
                case UndeclaredThrowableException wrapper -> {}
                default -> {
                    return Kind.PERMANENT;
                }
            }
        }
        return Kind.PERMANENT;
    }

    private static Kind kindOf(SQLException sql) {
        if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException) {
            return Kind.TRANSIENT;
        }
        String state = sql.getSQLState();
        if (state == null || state.length() != 5) {
            return Kind.TRANSIENT;
        }
        return TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_STATES.contains(state)
                ? Kind.TRANSIENT
                : Kind.PERMANENT;
    }

    /**
     * The failure and where it was thrown, for a log line: without the messages of its causes (a driver's or
     * a parser's may quote data), while ours name ids only.
     */
    public static String described(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return trace.length == 0 ? failure.toString() : failure + " at " + trace[0];
    }
}
