package io.chartersync.calendar;

import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.BoatNames;
import io.chartersync.common.LinkTokens;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Read-only feed tokens: one live token for the whole calendar and one per boat. The token is derived
 * from its id under the server secret and only its SHA-256 is stored; rotating revokes the old one. Public
 * for the {@code keys} command ({@link CalendarModule#feedTokens}).
 */
public final class FeedTokens {
    private static final String PURPOSE = "calendar-feed";
    private final Jdbi jdbi;
    private final LinkTokens tokens;
    private final AuditLog audit;

    FeedTokens(Jdbi jdbi, LinkTokens tokens, AuditLog audit) {
        this.jdbi = jdbi;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** What a feed token opens: the whole calendar, or one boat's. */
    record Feed(UUID id, Optional<String> boat) {}

    /** A feed's live token as stored: its id (the token is derived from it) and the token's hash. */
    private record LiveToken(UUID id, String tokenHash) {}

    /**
     * The live token of the feed (creating it on first use). A token made under another signing key
     * cannot be derived again: then this says so instead of printing a URL that does not open.
     */
    public String token(Optional<String> boat) {
        return jdbi.inTransaction(h -> token(h, keyOf(boat)));
    }

    /** A boat's feed is keyed by the boat's {@link BoatNames#key key}: {@code jada} and {@code JADA} share one. */
    private static Optional<String> keyOf(Optional<String> boat) {
        return boat.map(BoatNames::key).filter(k -> !k.isEmpty());
    }

    private String token(Handle h, Optional<String> boat) {
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<LiveToken> live = h.createQuery(
                            "select id, token_hash from feed_token where coalesce(boat, '') = :boat and revoked_at is null")
                    .bind("boat", boat.orElse(""))
                    .map((rs, ctx) -> new LiveToken(rs.getObject("id", UUID.class), rs.getString("token_hash")))
                    .findOne();
            if (live.isPresent()) {
                String token = tokens.derive(PURPOSE, live.get().id());
                if (!LinkTokens.hashOf(token).equals(live.get().tokenHash())) {
                    throw new IllegalStateException("the calendar feed token was made under another signing key"
                            + " (LINK_SIGNING_KEY); run `charter-sync keys rotate-feed-token` for a new feed URL");
                }
                return token;
            }
            UUID id = UUID.randomUUID();
            h.createUpdate("""
                        insert into feed_token (id, boat, token_hash) values (:id, :boat, :hash)
                        on conflict do nothing""")
                    .bind("id", id)
                    .bind("boat", boat.orElse(null))
                    .bind("hash", LinkTokens.hashOf(tokens.derive(PURPOSE, id)))
                    .execute();
            // Inserted, or another process made the live token first: either way, read it back.
        }
        throw new IllegalStateException("no live calendar feed token could be made");
    }

    /**
     * Revokes the feed's live token and makes a new one; subscribers of the old URL get 404 from now on.
     * The audit log records it ({@code key.rotated} of {@code key:feed-token} or {@code key:feed-token:<boat>})
     * as done by {@code actor}.
     */
    public String rotate(Optional<String> named, String actor) {
        Optional<String> boat = keyOf(named);
        return jdbi.inTransaction(h -> {
            int revoked = h.createUpdate(
                            "update feed_token set revoked_at = now() where coalesce(boat, '') = :boat and revoked_at is null")
                    .bind("boat", boat.orElse(""))
                    .execute();
            String token = token(h, boat);
            Map<String, Object> details = new LinkedHashMap<>();
            boat.ifPresent(b -> details.put("boat", b));
            details.put("revoked", revoked);
            audit.append(
                    h,
                    new AuditEntry(
                            actor,
                            "key.rotated",
                            "key:feed-token" + boat.map(b -> ":" + b).orElse(""),
                            details));
            return token;
        });
    }

    Optional<Feed> find(String token) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id, boat from feed_token where token_hash = :hash and revoked_at is null")
                .bind("hash", LinkTokens.hashOf(token))
                .map((rs, ctx) -> new Feed(rs.getObject("id", UUID.class), Optional.ofNullable(rs.getString("boat"))))
                .findOne());
    }
}
