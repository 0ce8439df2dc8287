package io.chartersync.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The table {@code idempotency_key}: one row per credential scope and key, reserved before the request
 * runs and completed with its answer. The only SQL for that table.
 */
final class IdempotencyStore {
    /** How long a key binds its first answer; an older key is taken as new. */
    static final Duration LIFETIME = Duration.ofHours(24);

    /**
     * How long a reservation without an answer holds the key. A request is answered within seconds (a
     * database outage answers 503 within 5 s, and a stop waits 10 s at most), so an older reservation is
     * one whose process died before it answered: the key is then taken over, as if the request never ran.
     */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final Jdbi jdbi;

    IdempotencyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Claims {@code key} in {@code scope} for a request with the fingerprint {@code request} at {@code now},
     * in one short transaction committed before the request runs (so a concurrent request sees the
     * reservation): reserved when the key is new, expired or abandoned; else what the existing row says.
     */
    Claim claim(String scope, String key, String request, Instant now) {
        return jdbi.inTransaction(h -> {
            // The row may go between the insert and the select (its request failed with a 5xx): try again.
            for (int round = 0; ; round++) {
                Optional<UUID> inserted = h.createQuery("""
                        insert into idempotency_key (scope_hash, key, request_hash, attempt, created_at)
                        values (:scope, :key, :request, gen_random_uuid(), :now)
                        on conflict (scope_hash, key) do nothing
                        returning attempt""")
                        .bind("scope", scope)
                        .bind("key", key)
                        .bind("request", request)
                        .bind("now", now)
                        .mapTo(UUID.class)
                        .findOne();
                if (inserted.isPresent()) {
                    return new Claim.Reserved(scope, key, inserted.get());
                }
                Optional<Claim> existing = existing(h, scope, key, request, now);
                if (existing.isPresent() || round >= 3) {
                    return existing.orElseThrow(
                            () -> new IllegalStateException("an idempotency key neither inserted nor found"));
                }
            }
        });
    }

    private static Optional<Claim> existing(Handle h, String scope, String key, String request, Instant now) {
        return h.createQuery("""
                        select request_hash, created_at, status, content_type, location, body, completed_at
                        from idempotency_key where scope_hash = :scope and key = :key for update""")
                .bind("scope", scope)
                .bind("key", key)
                .map((rs, ctx) -> Row.of(rs))
                .findOne()
                .map(row -> {
                    boolean expired = !row.createdAt().isAfter(now.minus(LIFETIME));
                    if (expired) {
                        return takeOver(h, scope, key, request, now);
                    }
                    if (!row.request().equals(request)) {
                        return new Claim.Mismatch();
                    }
                    if (row.answer() != null) {
                        return new Claim.Replay(row.answer());
                    }
                    boolean abandoned = !row.createdAt().isAfter(now.minus(LEASE));
                    return abandoned ? takeOver(h, scope, key, request, now) : new Claim.InProgress();
                });
    }

    /** Makes the key new again for {@code request}: its earlier answer (if any) is forgotten. */
    private static Claim takeOver(Handle h, String scope, String key, String request, Instant now) {
        UUID attempt = h.createQuery("""
                update idempotency_key set request_hash = :request, attempt = gen_random_uuid(), created_at = :now,
                  status = null, content_type = null, location = null, body = null, completed_at = null
                where scope_hash = :scope and key = :key
                returning attempt""")
                .bind("scope", scope)
                .bind("key", key)
                .bind("request", request)
                .bind("now", now)
                .mapTo(UUID.class)
                .one();
        return new Claim.Reserved(scope, key, attempt);
    }

    /** Stores the answer of the request that holds {@code reserved}; false when it no longer holds it. */
    boolean complete(Claim.Reserved reserved, Claim.Answer answer) {
        if (answer.status() < 200 || answer.status() > 499) {
            throw new IllegalArgumentException("only a final answer (2xx, 4xx) is kept, not " + answer.status());
        }
        return jdbi.withHandle(h -> h.createUpdate("""
                        update idempotency_key set status = :status, content_type = :contentType,
                          location = :location, body = :body, completed_at = :now
                        where scope_hash = :scope and key = :key and attempt = :attempt""")
                        .bind("status", answer.status())
                        .bind("contentType", answer.contentType())
                        .bind("location", answer.location())
                        .bind("body", answer.body())
                        .bind("now", answer.completedAt())
                        .bind("scope", reserved.scope())
                        .bind("key", reserved.key())
                        .bind("attempt", reserved.attempt())
                        .execute())
                == 1;
    }

    /** Gives the key back (the request failed with a 5xx): the same key may be sent again as new. */
    void release(Claim.Reserved reserved) {
        jdbi.useHandle(h -> h.createUpdate(
                        "delete from idempotency_key where scope_hash = :scope and key = :key and attempt = :attempt")
                .bind("scope", reserved.scope())
                .bind("key", reserved.key())
                .bind("attempt", reserved.attempt())
                .execute());
    }

    /** Forgets the keys older than {@link #LIFETIME} at {@code now}; answers how many. */
    int sweep(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("delete from idempotency_key where created_at <= :cutoff")
                .bind("cutoff", now.minus(LIFETIME))
                .execute());
    }

    private record Row(String request, Instant createdAt, Claim.Answer answer) {
        static Row of(ResultSet rs) throws SQLException {
            OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
            Claim.Answer answer = completed == null
                    ? null
                    : new Claim.Answer(
                            rs.getInt("status"),
                            rs.getString("content_type"),
                            rs.getString("location"),
                            rs.getBytes("body"),
                            completed.toInstant());
            return new Row(
                    rs.getString("request_hash"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    answer);
        }
    }
}
