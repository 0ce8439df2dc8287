package io.chartersync.console;

import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.AppException;
import io.chartersync.common.JsonFields;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.TokenGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The console's users, as {@code charter-sync users} and the set-password page change them: add (with a
 * one-time set-password link, or a password), list, remove, reset. Every change is audited in its own
 * transaction. Link tokens are 256-bit random and stored as their SHA-256; they work once, for {@link
 * #LINK_VALIDITY}. Removing a user or resetting its password ends its sessions at once.
 */
public final class Accounts {
    public static final Duration LINK_VALIDITY = Duration.ofHours(24);

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final TokenGenerator random;
    private final Passwords passwords;
    private final UserStore users = new UserStore();
    private final SessionStore sessions = new SessionStore();

    Accounts(Jdbi jdbi, AuditLog audit, Clock clock, TokenGenerator random, Passwords passwords) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.passwords = passwords;
    }

    /** Adds a user without a password; answers the token of its one-time set-password link. */
    public String add(String email, Role role, String actor) {
        String address = checkedEmail(email);
        return jdbi.inTransaction(h -> {
            UUID id = insert(h, address, role, Optional.empty());
            String token = newLink(h, id);
            audit.append(h, entry(actor, "console-user.added", id, Map.of("email", address, "role", role.wire())));
            return token;
        });
    }

    /** Adds a user with {@code password} (at least 12 characters). */
    public Account addWithPassword(String email, Role role, String password, String actor) {
        String address = checkedEmail(email);
        Passwords.check("password", password);
        String hash = passwords.hash(password);
        jdbi.useTransaction(h -> {
            UUID id = insert(h, address, role, Optional.of(hash));
            audit.append(
                    h,
                    entry(
                            actor,
                            "console-user.added",
                            id,
                            Map.of("email", address, "role", role.wire(), "password", "set")));
        });
        return list().stream()
                .filter(a -> a.email().equalsIgnoreCase(address))
                .findFirst()
                .orElseThrow();
    }

    /** The active users, by email. */
    public List<Account> list() {
        return jdbi.withHandle(users::listActive);
    }

    /**
     * Removes a user (its row stays, disabled, for the audit trail); its sessions and links end. The last
     * owner is never removed (409: add another owner first), from the console or the command line, even when
     * two owners remove each other at once (the owners' rows are locked while it is checked).
     */
    public void remove(String email, String actor) {
        jdbi.useTransaction(h -> {
            UserStore.Stored user = existing(h, email);
            if (user.role() == Role.OWNER && users.lockActiveOwners(h) <= 1) {
                throw new AppException.Conflict(user.email() + " is the last owner: add another owner first.");
            }
            users.disable(h, user.id(), clock.instant());
            int ended = sessions.deleteOfUser(h, user.id());
            audit.append(
                    h,
                    entry(
                            actor,
                            "console-user.removed",
                            user.id(),
                            Map.of("email", user.email(), "sessions_ended", ended)));
        });
    }

    /**
     * Resets a user's password: the old one stops working, its sessions end, and the answer is the token of
     * a new one-time set-password link.
     */
    public String reset(String email, String actor) {
        return jdbi.inTransaction(h -> {
            UserStore.Stored user = existing(h, email);
            users.setPassword(h, user.id(), Optional.empty());
            int ended = sessions.deleteOfUser(h, user.id());
            String token = newLink(h, user.id());
            audit.append(
                    h,
                    entry(
                            actor,
                            "console-user.reset",
                            user.id(),
                            Map.of("email", user.email(), "sessions_ended", ended)));
            return token;
        });
    }

    /** The email of the user a valid set-password link belongs to; empty for an unknown, used or expired link. */
    Optional<String> linkOwner(String token) {
        return jdbi.withHandle(h -> users.userOfToken(h, LinkTokens.hashOf(token), clock.instant()))
                .map(UserStore.Stored::email);
    }

    /**
     * Sets the password of the link's user and uses the link up; ends the user's other sessions. Answers the
     * user's email; {@link AppException.Gone} for an unknown, used or expired link.
     */
    String setPassword(String token, String password) {
        Passwords.check("password", password);
        String hash = passwords.hash(password);
        return jdbi.inTransaction(h -> {
            String tokenHash = LinkTokens.hashOf(token);
            UserStore.Stored user = users.userOfToken(h, tokenHash, clock.instant())
                    .orElseThrow(() -> new AppException.Gone(
                            "This link has expired or was already used: ask an owner for a new one."));
            users.setPassword(h, user.id(), Optional.of(hash));
            users.deleteToken(h, tokenHash);
            sessions.deleteOfUser(h, user.id());
            audit.append(
                    h,
                    entry(
                            "console:" + user.email(),
                            "console-user.password-set",
                            user.id(),
                            Map.of("email", user.email())));
            return user.email();
        });
    }

    private UUID insert(Handle h, String email, Role role, Optional<String> hash) {
        if (users.findActive(h, email).isPresent()) {
            throw new AppException.Conflict("a console user " + email + " already exists");
        }
        UUID id = UUID.randomUUID();
        users.insert(h, id, email, role, hash, clock.instant());
        return id;
    }

    private String newLink(Handle h, UUID userId) {
        String token = random.token256();
        Instant now = clock.instant();
        users.replaceToken(h, userId, LinkTokens.hashOf(token), now, now.plus(LINK_VALIDITY));
        return token;
    }

    private UserStore.Stored existing(Handle h, String email) {
        return users.findActive(h, email == null ? "" : email.strip())
                .orElseThrow(() -> new AppException.NotFound("console user", email));
    }

    private static String checkedEmail(String email) {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty() || address.length() > 254 || !JsonFields.isEmail(address)) {
            throw AppException.InvalidInput.of("email", "must be an email address, like owner@example.com");
        }
        return address;
    }

    private static AuditEntry entry(String actor, String action, UUID id, Map<String, Object> details) {
        return new AuditEntry(actor, action, "console-user:" + id, details);
    }
}
