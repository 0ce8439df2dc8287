package io.chartersync.console;

import io.chartersync.common.WireForm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The console's users and their one-time set-password links ({@code console_user}, {@code
 * console_password_token}); the only class with SQL for these tables. Every method works in the caller's
 * transaction.
 */
final class UserStore {
    /** A user who may sign in, with the stored password hash (empty until one is set). */
    record Stored(UUID id, String email, Role role, Optional<String> passwordHash) {}

    Optional<Stored> findActive(Handle h, String email) {
        return h.createQuery("""
                    select id, email, role, password_hash from console_user
                     where lower(email) = lower(:email) and disabled_at is null""").bind("email", email).map(UserStore::stored).findOne();
    }

    Optional<Stored> findActive(Handle h, UUID id) {
        return h.createQuery("""
                    select id, email, role, password_hash from console_user
                     where id = :id and disabled_at is null""").bind("id", id).map(UserStore::stored).findOne();
    }

    private static Stored stored(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Stored(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                role(rs),
                Optional.ofNullable(rs.getString("password_hash")));
    }

    private static Role role(ResultSet rs) throws SQLException {
        return WireForm.of(Role.class, rs.getString("role"));
    }

    void insert(Handle h, UUID id, String email, Role role, Optional<String> passwordHash, Instant now) {
        h.createUpdate("""
                    insert into console_user (id, email, role, password_hash, created_at)
                    values (:id, :email, :role, :hash, :now)""")
                .bind("id", id)
                .bind("email", email)
                .bind("role", role)
                .bind("hash", passwordHash.orElse(null))
                .bind("now", now)
                .execute();
    }

    List<Account> listActive(Handle h) {
        return h.createQuery("""
                    select id, email, role, created_at, password_hash is not null as password_set
                      from console_user where disabled_at is null order by lower(email)""")
                .map((rs, ctx) -> new Account(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        role(rs),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("password_set")))
                .list();
    }

    /** How many active owners there are, their rows locked until the transaction ends (so two removals queue). */
    int lockActiveOwners(Handle h) {
        return h.createQuery("select id from console_user where disabled_at is null and role = :owner for update")
                .bind("owner", Role.OWNER)
                .mapTo(UUID.class)
                .list()
                .size();
    }

    void disable(Handle h, UUID id, Instant now) {
        h.createUpdate("update console_user set disabled_at = :now where id = :id")
                .bind("id", id)
                .bind("now", now)
                .execute();
        h.createUpdate("delete from console_password_token where user_id = :id")
                .bind("id", id)
                .execute();
    }

    void setPassword(Handle h, UUID id, Optional<String> hash) {
        h.createUpdate("update console_user set password_hash = :hash where id = :id")
                .bind("id", id)
                .bind("hash", hash.orElse(null))
                .execute();
    }

    /** Stores a new set-password link of the user, replacing its earlier ones. */
    void replaceToken(Handle h, UUID userId, String tokenHash, Instant now, Instant expiresAt) {
        h.createUpdate("delete from console_password_token where user_id = :id")
                .bind("id", userId)
                .execute();
        h.createUpdate("""
                    insert into console_password_token (token_hash, user_id, created_at, expires_at)
                    values (:hash, :id, :now, :expires)""")
                .bind("hash", tokenHash)
                .bind("id", userId)
                .bind("now", now)
                .bind("expires", expiresAt)
                .execute();
    }

    /** The active user a set-password link that has not expired belongs to (the row locked). */
    Optional<Stored> userOfToken(Handle h, String tokenHash, Instant now) {
        return h.createQuery("""
                    select t.user_id from console_password_token t join console_user u on u.id = t.user_id
                     where t.token_hash = :hash and t.expires_at > :now and u.disabled_at is null
                     for update of t""")
                .bind("hash", tokenHash)
                .bind("now", now)
                .mapTo(UUID.class)
                .findOne()
                .flatMap(id -> findActive(h, id));
    }

    void deleteToken(Handle h, String tokenHash) {
        h.createUpdate("delete from console_password_token where token_hash = :hash")
                .bind("hash", tokenHash)
                .execute();
    }
}
