package io.chartersync.console;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Failed sign-ins ({@code console_sign_in_failure}), kept {@link #WINDOW}, so every node counts the same:
 * at most {@link #PER_EMAIL} for one email and {@link #PER_ADDRESS} from one client address in any
 * {@link #WINDOW}. The only SQL for that table.
 */
final class SignInFailures {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_EMAIL = 5;
    static final int PER_ADDRESS = 20;

    /**
     * Empty when a sign-in for {@code email} from {@code address} may be tried now; else the whole seconds
     * until the oldest counted failure leaves the window.
     */
    Optional<Long> refusedFor(Handle h, String email, String address, Instant now) {
        Instant since = now.minus(WINDOW);
        Optional<Instant> byEmail = oldestIfOver(h, "lower(email) = lower(:key)", email, PER_EMAIL, since);
        Optional<Instant> byAddress = oldestIfOver(h, "address = :key", address, PER_ADDRESS, since);
        return byEmail.or(() -> byAddress)
                .map(oldest ->
                        Math.max(1, (Duration.between(now, oldest.plus(WINDOW)).toMillis() + 999) / 1000));
    }

    /** The oldest failure that still counts, when {@code limit} or more match; the condition is a constant. */
    private static Optional<Instant> oldestIfOver(Handle h, String condition, String key, int limit, Instant since) {
        return h
                .createQuery("select at from console_sign_in_failure where " + condition
                        + " and at > :since order by at desc limit :limit")
                .bind("key", key)
                .bind("since", since)
                .bind("limit", limit)
                .mapTo(OffsetDateTime.class)
                .list()
                .stream()
                .skip(limit - 1L)
                .findFirst()
                .map(OffsetDateTime::toInstant);
    }

    void record(Handle h, String email, String address, Instant now) {
        h.createUpdate("delete from console_sign_in_failure where at <= :since")
                .bind("since", now.minus(WINDOW))
                .execute();
        h.createUpdate("insert into console_sign_in_failure (at, email, address) values (:now, :email, :address)")
                .bind("now", now)
                .bind("email", email)
                .bind("address", address)
                .execute();
    }

    /** A successful sign-in forgets the email's failures (the address's stay counted). */
    void forget(Handle h, String email) {
        h.createUpdate("delete from console_sign_in_failure where lower(email) = lower(:email)")
                .bind("email", email)
                .execute();
    }
}
