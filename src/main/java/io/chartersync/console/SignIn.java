package io.chartersync.console;

import io.chartersync.common.AppException;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.TokenGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Signing in and out, and the sessions in between. A session is a 256-bit random token in the browser's
 * cookie; the database keeps only its SHA-256, so any node serves it and a copy of the database signs no
 * one in. A session ends after {@link #IDLE} without a request, {@link #MAX_AGE} after it began, when its
 * user signs out, is removed or has the password reset.
 */
final class SignIn {
    static final Duration IDLE = Duration.ofHours(12);
    static final Duration MAX_AGE = Duration.ofDays(7);
    /** A session's last use is written at most this often (every request would be a write otherwise). */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final String CSRF_PURPOSE = "console-csrf";

    private final Jdbi jdbi;
    private final Clock clock;
    private final TokenGenerator random;
    private final LinkTokens tokens;
    private final Passwords passwords;
    private final UserStore users = new UserStore();
    private final SessionStore sessions = new SessionStore();
    private final SignInFailures failures = new SignInFailures();

    SignIn(Jdbi jdbi, Clock clock, TokenGenerator random, LinkTokens tokens, Passwords passwords) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.random = random;
        this.tokens = tokens;
        this.passwords = passwords;
    }

    /**
     * Checks the credentials: the new session's token when they are right, empty when not (recorded as a
     * failure). {@link AppException.TooManyRequests} when the email or the address has had too many
     * failures lately; then the password is not even checked.
     */
    Optional<String> attempt(String email, String password, String address) {
        String who = email == null ? "" : email.strip();
        Instant now = clock.instant();
        Optional<UserStore.Stored> user = jdbi.withHandle(h -> {
            failures.refusedFor(h, who, address, now).ifPresent(wait -> {
                throw new AppException.TooManyRequests(
                        "Too many failed sign-ins; try again in " + minutes(wait) + ".", wait);
            });
            return users.findActive(h, who);
        });
        Optional<String> hash = user.flatMap(UserStore.Stored::passwordHash);
        boolean right;
        if (hash.isPresent()) {
            right = passwords.matches(password, hash.get());
        } else {
            passwords.waste(password);
            right = false;
        }
        if (!right) {
            jdbi.useTransaction(h -> failures.record(h, who, address, clock.instant()));
            return Optional.empty();
        }
        String token = random.token256();
        jdbi.useTransaction(h -> {
            sessions.deleteExpired(h, now.minus(IDLE), now.minus(MAX_AGE));
            sessions.insert(h, LinkTokens.hashOf(token), user.get().id(), now);
            failures.forget(h, who);
        });
        return Optional.of(token);
    }

    /** The user of a session token that is still live (its last use recorded); empty for any other. */
    Optional<SignedIn> session(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = LinkTokens.hashOf(token);
        Instant now = clock.instant();
        return jdbi.withHandle(h -> sessions.find(h, hash)
                .filter(s -> s.lastSeenAt().plus(IDLE).isAfter(now)
                        && s.createdAt().plus(MAX_AGE).isAfter(now))
                .flatMap(s -> {
                    if (Duration.between(s.lastSeenAt(), now).compareTo(TOUCH_EVERY) >= 0) {
                        sessions.touch(h, hash, now);
                    }
                    return users.findActive(h, s.userId());
                })
                .map(u -> new SignedIn(u.id(), u.email(), u.role(), csrf(token))));
    }

    /** Ends the session of {@code token} on the server; nothing happens for an unknown one. */
    void end(String token) {
        if (token != null && !token.isBlank()) {
            jdbi.useHandle(h -> sessions.delete(h, LinkTokens.hashOf(token)));
        }
    }

    /** The CSRF token of a session's forms (derived, so it needs no storage). */
    String csrf(String sessionToken) {
        return tokens.derive(CSRF_PURPOSE, sessionToken);
    }

    private static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes <= 1 ? "a minute" : minutes + " minutes";
    }
}
