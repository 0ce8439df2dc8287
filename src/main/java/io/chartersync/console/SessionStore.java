package io.chartersync.console;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Signed-in sessions ({@code console_session}), by the SHA-256 of their token; the only SQL for that table. */
final class SessionStore {
    /** A stored session: whose it is, when it began and when it was last used. */
    record Stored(UUID userId, Instant createdAt, Instant lastSeenAt) {}

    void insert(Handle h, String tokenHash, UUID userId, Instant now) {
        h.createUpdate("""
                    insert into console_session (token_hash, user_id, created_at, last_seen_at)
                    values (:hash, :user, :now, :now)""")
                .bind("hash", tokenHash)
                .bind("user", userId)
                .bind("now", now)
                .execute();
    }

    Optional<Stored> find(Handle h, String tokenHash) {
        return h.createQuery("select user_id, created_at, last_seen_at from console_session where token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Stored(
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_seen_at", OffsetDateTime.class).toInstant()))
                .findOne();
    }

    void touch(Handle h, String tokenHash, Instant now) {
        h.createUpdate("update console_session set last_seen_at = :now where token_hash = :hash")
                .bind("hash", tokenHash)
                .bind("now", now)
                .execute();
    }

    void delete(Handle h, String tokenHash) {
        h.createUpdate("delete from console_session where token_hash = :hash")
                .bind("hash", tokenHash)
                .execute();
    }

    /** Ends every session of a user (removed, or its password reset); answers how many. */
    int deleteOfUser(Handle h, UUID userId) {
        return h.createUpdate("delete from console_session where user_id = :user")
                .bind("user", userId)
                .execute();
    }

    /** Forgets sessions that can no longer be used. */
    void deleteExpired(Handle h, Instant idleBefore, Instant createdBefore) {
        h.createUpdate("delete from console_session where last_seen_at < :idle or created_at < :created")
                .bind("idle", idleBefore)
                .bind("created", createdBefore)
                .execute();
    }
}
